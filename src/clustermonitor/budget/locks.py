"""The locks of the budget services, always taken in this order, so two services never
wait on each other in a cycle: the year (shared by every write on it, taken alone by
`year_close`, so a year is never closed under a half-done write); the `Budget` row of
the (year, envelope) the write spends (`select_for_update`: concurrent bookings on one
envelope-year queue up); for a booking, the row of the scope it pays from (the cluster
for operation envelopes, the project for the project envelope), which guards the
decommitment and payment rules spanning all years.

That is PostgreSQL. SQLite has no row locks but one writer at a time: there the first
statement is a write (a no-op `UPDATE`), which takes the database's write lock before
anything is read — a read first would let two transactions read the same balances, and
the second writer would then fail with "database is locked" instead of waiting.
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
