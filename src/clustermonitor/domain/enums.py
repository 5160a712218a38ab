"""The contract's closed vocabularies, as plain constants shared by every layer."""

from enum import StrEnum


def values(vocabulary: type[StrEnum]) -> tuple[str, ...]:
    """The allowed values of a vocabulary, in its order (the contract's `choices`)."""
    return tuple(member.value for member in vocabulary)


class ClusterType(StrEnum):
    SPEARHEAD = "spearhead"
    IBN = "ibn"


class Envelope(StrEnum):
    SPEARHEAD_OPERATION = "spearhead_operation"
    SPEARHEAD_PROJECTS = "spearhead_projects"
    IBN = "ibn"


ENVELOPE_ORDER = (Envelope.SPEARHEAD_OPERATION, Envelope.SPEARHEAD_PROJECTS, Envelope.IBN)
OPERATION_ENVELOPES = frozenset({Envelope.SPEARHEAD_OPERATION, Envelope.IBN})


class YearStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Channel(StrEnum):
    EARMARKED = "earmarked"
    OTHER = "other"


EARMARKED_INSTRUMENT = "HERMES"
DEFAULT_BUDGET_SOURCE = "Hermesfonds"  # the fund stored when a budget names none


class ProjectStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class LedgerKind(StrEnum):
    COMMITMENT = "commitment"
    DECOMMITMENT = "decommitment"
    PAYMENT = "payment"


class KpiKind(StrEnum):
    OUTPUT = "output"
    IMPACT = "impact"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


class ComputedFrom(StrEnum):
    APPROVED_PROJECTS = "approved_projects"
    APPLICATIONS = "applications"
    OTHER_PUBLIC_FUNDING = "other_public_funding"


def envelope_fits(envelope: str, cluster_type: str) -> bool:
    """`spearhead_*` envelopes serve spearhead clusters only, `ibn` serves IBNs only."""
    if cluster_type == ClusterType.IBN:
        return envelope == Envelope.IBN
    return envelope in (Envelope.SPEARHEAD_OPERATION, Envelope.SPEARHEAD_PROJECTS)


def operation_cap_key(envelope: str) -> str:
    """The parameters.csv key that caps an operation envelope per cluster and year."""
    return "ibn_operation_cap" if envelope == Envelope.IBN else "spearhead_operation_cap"
