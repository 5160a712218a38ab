"""Progress on stderr for long imports (rich); silent when disabled or not a terminal."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

MIN_BYTES = 1_000_000  # files smaller than this finish before a bar helps


class Progress:
    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled

    @contextmanager
    def file(self, source: Any) -> Iterator[Callable[[], None]]:
        if not self.enabled or source.size < MIN_BYTES:
            yield lambda: None
            return
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        with Bar(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        ) as bar:
            task = bar.add_task(f"importing {source.name}", total=source.size)
            yield lambda: bar.update(task, completed=source.position())
            bar.update(task, completed=source.size)
