"""The refusal every write service raises: every problem as data, nothing written.

A service checks everything it can before it writes and raises a `WriteRefused` (or a
subclass naming what was refused) with all the problems at once, each a (column,
message) pair as the row rules return them, so a form can show them beside its fields
and the API or CLI can print them.
"""

from clustermonitor.domain.rules import Problem


class WriteRefused(Exception):
    """A service refused a write; the transaction was rolled back, nothing changed."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{column}: {message}" for column, message in problems))
        self.problems = problems
