"""Twenty threads book on one envelope of a SQLite *file* database (run in a subprocess).

`python -m tests.budget.sqlite_race PATH` migrates a fresh database at PATH, races twenty
commitments of 60 000–79 000 against a budget of 1 000 000 and prints a JSON summary.
The pytest test database on SQLite lives in memory, which threads cannot share; hence
the subprocess and the file.
"""

import datetime
import json
import os
import sys
import threading
from decimal import Decimal


def main(path: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermonitor.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from clustermonitor.budget import selectors
    from clustermonitor.budget.errors import BookingRefused
    from clustermonitor.budget.services import ledger_entry_book
    from tests.factories import BudgetFactory, ProjectFactory, SpearheadClusterFactory

    call_command("migrate", verbosity=0)
    BudgetFactory(year=2020, envelope="spearhead_projects", amount=Decimal("1000000.00"))
    for i in range(20):
        cluster = SpearheadClusterFactory(code=f"C{i:02d}")
        ProjectFactory(ref=f"R{i:02d}", cluster=cluster, granted_support=Decimal("100000.00"))
    connection.close()

    barrier = threading.Barrier(20)
    outcomes: list[str] = ["did not run"] * 20

    def book(i: int) -> None:
        try:
            connection.ensure_connection()
            barrier.wait(timeout=30)
            ledger_entry_book(
                ref=f"B{i:02d}",
                date=datetime.date(2020, 5, 1),
                year=2020,
                kind="commitment",
                envelope="spearhead_projects",
                cluster=f"C{i:02d}",
                project=f"R{i:02d}",
                amount=Decimal("60000.00") + 1000 * i,
                actor="sqlite-race",
            )
            outcomes[i] = "booked"
        except BookingRefused:
            outcomes[i] = "refused"
        except Exception as error:
            outcomes[i] = f"{type(error).__name__}: {error}"
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    committed = selectors.envelope_year_tally(year=2020, envelope="spearhead_projects").net
    print(json.dumps({"outcomes": outcomes, "committed": str(committed)}))


if __name__ == "__main__":
    main(sys.argv[1])
