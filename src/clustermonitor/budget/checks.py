"""The checks of the budget services: the row vocabulary of an amount, envelope and year,
and the balance rules a booking must keep (replayed by the domain's `LedgerState` from
SQL tallies of the balances the new entry enters)."""

from decimal import Decimal

from clustermonitor.budget import selectors
from clustermonitor.budget.models import Budget, LedgerEntry
from clustermonitor.clusters.models import Cluster
from clustermonitor.domain.dates import is_year, year_message
from clustermonitor.domain.enums import OPERATION_ENVELOPES, Envelope, LedgerKind, operation_cap_key
from clustermonitor.domain.ledger import (
    Entry,
    LedgerState,
    Limits,
    balances_entered,
    scope_of,
    sort_for_replay,
)
from clustermonitor.domain.messages import _
from clustermonitor.domain.money import CENT, ZERO, amount_text
from clustermonitor.domain.rules import CODE_PATTERN, Problem, ledger_entry_problems
from clustermonitor.kernel.facts import cluster_facts, project_facts
from clustermonitor.kernel.selectors import closed_year_check, parameter_value
from clustermonitor.projects.models import Project

MAX_AMOUNT = Decimal("9999999999999.99")  # the columns hold 15 digits, 2 of them decimals
KINDS = frozenset(kind.value for kind in LedgerKind)
ENVELOPES = frozenset(envelope.value for envelope in Envelope)


def booking_problems(
    *,
    ref: str,
    year: int,
    kind: str,
    envelope: str,
    cluster: str,
    the_cluster: Cluster | None,
    project: str | None,
    the_project: Project | None,
    amount: Decimal,
) -> list[Problem]:
    """Every row problem of a new ledger entry: its vocabulary, the contract's row rules
    (`domain.rules.ledger_entry_problems`), its ref, and the closed-year rule."""
    problems = vocabulary_problems(year=year, envelope=envelope, amount=amount)
    if kind not in KINDS:
        problems.append(
            ("kind", _("unknown kind {kind}: one of {kinds}", kind=kind, kinds=", ".join(LedgerKind)))
        )
    if the_cluster is None:
        problems.append(("cluster", _("unknown cluster {cluster}", cluster=cluster)))
    elif not problems:  # the row rules need known values to judge
        problems += ledger_entry_problems(
            year=year,
            kind=kind,
            envelope=envelope,
            cluster=cluster_facts(the_cluster),
            project=project_facts(the_project) if the_project else None,
            project_ref=project,
            amount=amount,
        )
    if not CODE_PATTERN.fullmatch(ref):
        problems.append(("ref", _("must be 1–40 letters, digits, '_', '.' or '-'")))
    elif LedgerEntry.objects.filter(ref=ref).exists():
        problems.append(("ref", duplicate_ref(ref)))
    return problems + closed_year_check(year)


def balance_problems(
    entry: Entry, *, budget: Budget | None, cluster: Cluster, project: Project | None
) -> list[Problem]:
    """Replay the new entry against the stored tallies of the balances it enters.

    The tallies are seeded as they stood before the entry's date; stored entries dated
    on or after it are replayed too (usually none), the new one last within its date.
    """
    budget_amount = budget.amount if budget is not None else ZERO
    granted = project.granted_support if project is not None else None
    state = LedgerState(
        Limits(
            budget=lambda year, envelope: budget_amount,
            cap=lambda envelope: parameter_value(operation_cap_key(envelope)),
            granted=lambda ref: granted if granted is not None else ZERO,
        )
    )
    state.scopes[scope_of(entry)] = selectors.scope_tally(
        cluster=cluster, envelope=entry.envelope, project=project, before=entry.date
    )
    if entry.kind != LedgerKind.PAYMENT:
        state.envelope_year[(entry.envelope, entry.year)] = selectors.envelope_year_tally(
            year=entry.year, envelope=entry.envelope, before=entry.date
        )
        if entry.envelope in OPERATION_ENVELOPES:
            state.operation_year[(entry.cluster, entry.envelope, entry.year)] = (
                selectors.operation_year_tally(
                    cluster=cluster, envelope=entry.envelope, year=entry.year, before=entry.date
                )
            )
    later = selectors.ledger_entries_from(
        since=entry.date,
        year=entry.year,
        envelope=entry.envelope,
        cluster=cluster,
        project=project,
        kind=entry.kind,
    )
    # Only the balances the new entry enters are seeded (and can be broken by it).
    entered = set(balances_entered(entry))
    problems: list[Problem] = []
    for breach in state.replay(sort_for_replay([*later, entry])):
        balance = next(b for b in balances_entered(breach.entry) if b[0] == breach.rule)
        if balance not in entered:
            continue
        if breach.entry is entry:
            problems.append(("amount", breach.message))
        else:
            problems.append(
                (
                    "amount",
                    _(
                        "dated {date}, it breaks a balance at a later date: "
                        "on {later} (entry {ref}) {breach}",
                        date=entry.date,
                        later=breach.entry.date,
                        ref=breach.entry.ref,
                        breach=breach.message,
                    ),
                )
            )
    return problems


def vocabulary_problems(
    *, year: int, envelope: str, amount: Decimal, zero_allowed: bool = False
) -> list[Problem]:
    problems = year_problems(year)
    if envelope not in ENVELOPES:
        problems.append(
            (
                "envelope",
                _(
                    "unknown envelope {envelope}: one of {envelopes}",
                    envelope=envelope,
                    envelopes=", ".join(Envelope),
                ),
            )
        )
    if amount.is_finite() and abs(amount) > MAX_AMOUNT:
        problems.append(("amount", _("at most {amount}", amount=amount_text(MAX_AMOUNT))))
    elif not amount.is_finite() or amount != amount.quantize(CENT):
        problems.append(("amount", _("euros with at most two decimals")))
    elif zero_allowed and amount < 0:
        problems.append(("amount", _("must not be negative")))
    return problems


def year_problems(year: int) -> list[Problem]:
    return [] if is_year(year) else [("year", year_message(year))]


def duplicate_ref(ref: str) -> str:
    return _(
        "ledger entry {ref} already exists; a stored entry never changes: book a correction under a new ref",
        ref=ref,
    )
