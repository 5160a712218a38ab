"""The project tallies recomputed from the projects: to check the kept ones, or to make them again.

`ProjectTally` rows are kept by every write of a project (`Project.save` / `delete`, the
project QuerySet's `update`, `delete` and `bulk_create`, through `tally_sql`). The
import writes its rows with plain SQL and calls `tallies_rebuild` once its rules pass,
in its own transaction. The projects stay the only truth: `tallies_differences`
compares the kept rows with the GROUP BY over all projects (`clustermonitor balances
--verify`), `tallies_rebuild` replaces them with it (the months counted from the projects,
each year added up from its months: the same figures, for two GROUP BYs of the projects
instead of four).
"""

from django.db import connection, transaction

from clustermonitor.kernel.kept import Difference, differences, hold, rebuild
from clustermonitor.projects.models import Project, ProjectTally
from clustermonitor.projects.tally_sql import (
    TALLY_FIGURES,
    TALLY_KEY,
    Figures,
    TallyKey,
    TallySpan,
    contributions_sql,
    read,
    years_from_months_sql,
)

ALL = "1 = 1"


def tallies_differences() -> list[Difference[TallyKey, Figures]]:
    """Every tally whose kept figures differ from the projects' (empty: they agree)."""
    table = connection.ops.quote_name(ProjectTally._meta.db_table)
    with transaction.atomic():
        hold(Project)
        kept = read(f"SELECT {', '.join((*TALLY_KEY, *TALLY_FIGURES))} FROM {table}")
        counted = read(contributions_sql(Project._meta.db_table, ALL))
    return differences(kept, counted)


def tallies_rebuild() -> int:
    """Replace the kept tallies by the projects' own; the number of rows written."""
    columns = ", ".join((*TALLY_KEY, *TALLY_FIGURES))
    months = contributions_sql(Project._meta.db_table, ALL, spans=(TallySpan.MONTH,))
    years = years_from_months_sql(ProjectTally._meta.db_table)
    return rebuild(ProjectTally, columns, Project, months, years)
