"""`check`: the stored data's consistency — every breach of the contract, then warnings.

Breaches come from the same rules import enforces (`validation.findings`); the warnings
point at what is allowed but probably needs someone's attention. With `as_of`, both look
at the data as known on that date, with the reports' as-of semantics.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from clustermonitor.budget.models import Budget, Cofinancing, LedgerEntry
from clustermonitor.budget.selectors import allocations_known, ledger_entries_known, ledger_totals
from clustermonitor.clusters.models import Cluster
from clustermonitor.datasets.validation import StoredData, findings
from clustermonitor.domain.enums import OPERATION_ENVELOPES, ClusterType, Envelope, LedgerKind
from clustermonitor.domain.messages import _
from clustermonitor.domain.money import ZERO, amount_text
from clustermonitor.domain.parameters import cofinancing_ceiling
from clustermonitor.kpis.models import KpiResult, KpiTarget
from clustermonitor.projects.selectors import projects_known

SLOW_PAYMENT_YEARS = 3


@dataclass(frozen=True)
class CheckLine:
    level: str  # "ERROR" or "WARNING"
    where: str
    message: str  # a Message: English as str, translatable (domain/messages.py)
    column: str | None = None

    def __str__(self) -> str:
        return self.text(str)

    def text(self, say: Callable[[str], str]) -> str:
        """The line with its message as `say` puts it (the CLI's `--lang nl`: translated)."""
        column = f"column {self.column}: " if self.column else ""
        return f"{self.level} {self.where}: {column}{say(self.message)}"


def data_check(*, as_of: date | None = None, today: date | None = None) -> list[CheckLine]:
    """Every breach (ERROR) and warning (WARNING) of the stored data, known on `as_of`."""
    data = StoredData(as_of=as_of)
    lines = [CheckLine("ERROR", f"{f.file} {f.key}", f.message, column=f.column) for f in findings(data)]
    reference_day = as_of or today or date.today()
    lines += [CheckLine("WARNING", where, message) for where, message in _warnings(data, reference_day)]
    return lines


def _warnings(data: StoredData, day: date) -> Iterator[tuple[str, str]]:
    yield from _approved_without_commitment(data)
    yield from _slow_payments(data, day)
    yield from _kpi_targets_without_result(data)
    yield from _clusters_without_allocation(data, day.year)
    yield from _grants_above_cofinancing(data)


def _ledger(data: StoredData) -> QuerySet[LedgerEntry]:
    return ledger_entries_known(as_of=data.as_of)


def _approved_without_commitment(data: StoredData) -> Iterator[tuple[str, str]]:
    committed = _ledger(data).filter(kind=LedgerKind.COMMITMENT, project__isnull=False).values("project_id")
    approved = projects_known(as_of=data.as_of).filter(channel="earmarked", status="approved")
    if data.as_of is not None:
        approved = approved.filter(decided_on__lte=data.as_of)
    for ref, cluster in (
        approved.exclude(pk__in=committed).order_by("ref").values_list("ref", "cluster__code")
    ):
        yield (
            f"projects.csv {ref}",
            _("approved earmarked project of {cluster} has no commitment", cluster=cluster),
        )


def _slow_payments(data: StoredData, day: date) -> Iterator[tuple[str, str]]:
    cutoff = date(day.year - SLOW_PAYMENT_YEARS, day.month, min(day.day, 28 if day.month == 2 else day.day))
    entries = _ledger(data).filter(project__decided_on__lt=cutoff, project__status="approved")
    for row in sorted(ledger_totals(entries, "project__ref"), key=lambda r: r["project__ref"]):
        net = row["committed"]
        if row["paid"] < net:
            yield (
                f"projects.csv {row['project__ref']}",
                _(
                    "decided more than {years} years before {day} and paid {paid} of {net} net commitments",
                    years=SLOW_PAYMENT_YEARS,
                    day=day,
                    paid=amount_text(row["paid"]),
                    net=amount_text(net),
                ),
            )


def _kpi_targets_without_result(data: StoredData) -> Iterator[tuple[str, str]]:
    results = KpiResult.objects.all()
    if data.as_of is not None:
        results = results.filter(reported_on__lte=data.as_of)  # as kpi_results_known, all years
    reported = {(c, k, y) for c, k, y in results.values_list("cluster_id", "kpi_id", "year")}
    targets = KpiTarget.objects.filter(year__in=list(data.closed_on), kpi__computed_from="")
    for cluster_id, kpi_id, cluster, kpi, year in targets.values_list(
        "cluster_id", "kpi_id", "cluster__code", "kpi__code", "year"
    ).order_by("cluster__code", "kpi__code", "year"):
        if (cluster_id, kpi_id, year) not in reported:
            yield (
                f"kpi_targets.csv {cluster},{kpi},{year}",
                _(
                    "{year} is closed but KPI {kpi} of {cluster} has no result",
                    year=year,
                    kpi=kpi,
                    cluster=cluster,
                ),
            )


def _clusters_without_allocation(data: StoredData, last_year: int) -> Iterator[tuple[str, str]]:
    """Pact years up to the reference day's year: later ones are not distributed yet."""
    spearhead_envelopes = [Envelope.SPEARHEAD_OPERATION.value, Envelope.SPEARHEAD_PROJECTS.value]
    budget_years = set(Budget.objects.filter(envelope__in=spearhead_envelopes).values_list("year", flat=True))
    allocated = set(allocations_known(as_of=data.as_of).values_list("cluster__code", "year"))
    for cluster in Cluster.objects.filter(type=ClusterType.SPEARHEAD).order_by("code"):
        for year in range(cluster.pact_start_year, min(cluster.pact_end_year, last_year) + 1):
            if year in budget_years and (cluster.code, year) not in allocated:
                yield (
                    f"allocations.csv {cluster.code}",
                    _("no allocation in pact year {year}, which has a budget", year=year),
                )


def _grants_above_cofinancing(data: StoredData) -> Iterator[tuple[str, str]]:
    rate = data.parameters["operation_support_rate"]
    operation = _ledger(data).filter(envelope__in=[e.value for e in OPERATION_ENVELOPES])
    granted: dict[tuple[str, int], Decimal] = {
        (row["cluster__code"], row["year"]): row["committed"]
        for row in ledger_totals(operation, "cluster__code", "year")
    }
    for cluster, year, amount in Cofinancing.objects.values_list("cluster__code", "year", "amount").order_by(
        "cluster__code", "year"
    ):
        net = granted.get((cluster, year), ZERO)
        ceiling = cofinancing_ceiling(amount, rate)
        if net > ceiling:
            yield (
                f"cofinancing.csv {cluster},{year}",
                _(
                    "net operation commitments {net} exceed what the members' co-financing "
                    "of {amount} supports at a {rate} % rate ({ceiling})",
                    net=amount_text(net),
                    amount=amount_text(amount),
                    rate=f"{(rate * 100).normalize():f}",
                    ceiling=amount_text(ceiling),
                ),
            )
