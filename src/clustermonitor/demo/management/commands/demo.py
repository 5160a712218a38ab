"""clustermonitor demo [--seed N] [--output DIR] [--fresh] [--no-input]

Creates or refreshes a demo database: the Flemish cluster policy 2016-2020, real where
public facts exist, synthetic (and labelled so) elsewhere; see docs/demo-data.md. The
dataset is generated as contract CSV files and loaded through the product's own importer,
so it obeys every rule of the data contract.

- Empty database: the demo is imported.
- Database holding only demo data: the demo is imported again with `--replace`; with the
  same seed every row is found unchanged, so a refresh is safe. (A different seed changes
  closed years and stored ledger entries, which the importer refuses: use `--fresh`.)
- Database holding anything else: refused, unless `--fresh` is given, which first deletes
  ALL cluster-policy data (never user accounts) and asks for confirmation when that data
  was not the demo's.
"""

import tempfile
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from clustermonitor.datasets.services import DatasetInvalid, ImportSummary, dataset_import
from clustermonitor.demo import database
from clustermonitor.demo.generator import DEFAULT_SEED, generate
from clustermonitor.demo.writer import Dataset, write_dataset
from clustermonitor.questions.demo import demo_questions

SHOWN_ERRORS = 10


class Command(BaseCommand):
    help = (
        "Create or refresh a demo database: the Flemish cluster policy 2016-2020 with its real "
        "spearhead clusters, caps and public totals, and synthetic projects, ledger and KPIs "
        "(docs/demo-data.md says which is which). Refuses a database holding other data "
        "unless --fresh is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})"
        )
        parser.add_argument("--output", type=Path, help="also write the demo's CSV files to this folder")
        parser.add_argument(
            "--fresh",
            action="store_true",
            help="first delete ALL cluster-policy data (clusters, budgets, ledger, projects, KPIs)",
        )
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask for confirmation"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        seed: int = options["seed"]
        self.progress(f"generating the demo dataset (seed {seed})")
        dataset = generate(seed)
        if options["output"] is not None:
            write_dataset(dataset, options["output"])
            self.progress(f"wrote the CSV files to {options['output']}")
        fresh = self.decide_fresh(options["fresh"], options["interactive"])
        summary = self.load(dataset, fresh=fresh)
        for line in summary.lines():
            self.stdout.write(line)
        questions = demo_questions()
        self.progress("written questions: " + ", ".join(str(q.number) for q in questions))
        rows = sum(len(rows) for rows in dataset.values())
        self.progress(f"done: {rows} rows in {time.perf_counter() - started:.1f} s ({self.target()})")

    def progress(self, message: str) -> None:
        self.stderr.write(f"demo: {message}")

    def target(self) -> str:
        settings = connection.settings_dict
        return f"{connection.vendor} database {settings['NAME']}"

    def decide_fresh(self, fresh: bool, interactive: bool) -> bool:
        """Whether to empty the database first; refuses to overwrite data that is not the demo's."""
        if database.is_empty():
            return False
        foreign = database.foreign_data()
        if foreign is None:
            return fresh
        if not fresh:
            raise CommandError(
                f"the {self.target()} holds data the demo did not create (e.g. {foreign}); "
                "`clustermonitor demo` only creates or refreshes a demo database. Point DATABASE_URL "
                "at another database, or run `clustermonitor demo --fresh` to delete ALL "
                "cluster-policy data first."
            )
        if interactive and input(self.confirmation(foreign)) != "yes":
            raise CommandError("cancelled: nothing was changed")
        return True

    def confirmation(self, foreign: str) -> str:
        return (
            f"The {self.target()} holds data the demo did not create (e.g. {foreign}).\n"
            "--fresh deletes ALL cluster-policy data, the ledger included. Type 'yes' to go on: "
        )

    def load(self, dataset: Dataset, *, fresh: bool) -> ImportSummary:
        with tempfile.TemporaryDirectory(prefix="clustermonitor-demo-") as folder:
            write_dataset(dataset, Path(folder))
            try:
                with transaction.atomic():
                    if fresh:
                        self.progress(f"emptying the {self.target()}")
                        database.wipe()
                    self.progress(f"importing into the {self.target()}")
                    return dataset_import(Path(folder), replace=True)
            except DatasetInvalid as invalid:
                raise CommandError(self.refused(invalid)) from None

    def refused(self, invalid: DatasetInvalid) -> str:
        shown = [str(error) for error in invalid.errors[:SHOWN_ERRORS]]
        more = len(invalid.errors) - len(shown)
        return "\n".join(
            [
                f"the importer refused the demo ({len(invalid.errors)} error(s)); nothing was changed:",
                *shown,
                *([f"... and {more} more"] if more > 0 else []),
                "The database holds a demo made with another seed or version, whose closed years and "
                "ledger entries may not change: run `clustermonitor demo --fresh` to start afresh.",
            ]
        )
