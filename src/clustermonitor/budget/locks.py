"""The locks of the budget services, always taken in this order: the year, the budget row,
the scope row (see `budget.services`).

PostgreSQL: an advisory lock per year (shared by every write on it, taken alone to
close it) and row locks. SQLite has no row locks but one writer at a time: there the
first statement is a write, which takes the database's write lock before anything is
read.
"""

from django.db import connection
from django.db.models import F

from clustermonitor.budget.checks import year_problems
from clustermonitor.budget.models import Budget
from clustermonitor.clusters.models import Cluster
from clustermonitor.kernel.models import BudgetYear
from clustermonitor.projects.models import Project

YEAR_LOCK_CLASS = 7301  # names our per-year advisory locks among any others in the database


def lock_year(year: int, *, exclusive: bool = False) -> None:
    """Writes on a year share its lock; closing the year takes it alone."""
    if year_problems(year):
        return  # refused anyway: nothing to protect
    if connection.vendor == "postgresql":
        # A transaction-level advisory lock on the year, released at commit/rollback.
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(%s, %s)", [YEAR_LOCK_CLASS, year])
    elif not connection.features.has_select_for_update:
        # SQLite: a write as the first statement takes the database's write lock now.
        BudgetYear.objects.filter(year=year).update(status=F("status"))


def lock_budget(*, year: int, envelope: str) -> Budget | None:
    """The (year, envelope) budget row, locked for the rest of the transaction."""
    return Budget.objects.select_for_update().filter(year=year, envelope=envelope).first()


# A scope row is locked FOR NO KEY UPDATE: that does not block the FOR KEY SHARE lock an
# INSERT takes on the rows its foreign keys point to, so a booking on one cluster's
# project never waits for a booking on that cluster's operation.


def lock_cluster(code: str, *, lock: bool) -> Cluster | None:
    clusters = Cluster.objects.select_for_update(no_key=True) if lock else Cluster.objects.all()
    return clusters.filter(code=code).first()


def lock_project(ref: str) -> Project | None:
    return Project.objects.select_for_update(no_key=True).filter(ref=ref).first()
