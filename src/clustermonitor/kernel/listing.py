"""What every record list's query shares (the projects list, the ledger list): narrowed
to a cluster manager's cluster, filtered by the values asked for, searched, sorted on one
of the list's own sort keys. Each list declares its `ListSpec`; the selectors of the
owning app run it through `listed`."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import F, Model, Q, QuerySet

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class ListSpec:
    filters: Mapping[str, str]  # a filter's key → the field it compares (equal)
    sorts: Mapping[str, str]  # a sort key (the page's column key) → the field it sorts on
    contains: tuple[str, ...]  # fields the search text is found in (case-insensitive)
    equals: tuple[str, ...]  # fields the search text equals (case-insensitive), e.g. a code
    tiebreak: str  # the field that orders equal rows
    default_order: tuple[str, ...]  # the order without a sort key


def listed(
    rows: QuerySet[M],
    spec: ListSpec,
    *,
    filters: Mapping[str, Any] | None = None,
    q: str = "",
    sort: str | None = None,
    descending: bool = False,
) -> QuerySet[M]:
    """`rows` filtered by `spec.filters` (empty values and unknown keys ignored), with `q`
    found in them, sorted on a `spec.sorts` key (nulls last either way) or in the default
    order."""
    for key, value in (filters or {}).items():
        if value and key in spec.filters:
            rows = rows.filter(**{spec.filters[key]: value})
    if q:
        found = Q()
        for name in spec.contains:
            found |= Q(**{f"{name}__icontains": q})
        for name in spec.equals:
            found |= Q(**{f"{name}__iexact": q})
        rows = rows.filter(found)
    if sort is not None and sort in spec.sorts:
        field = F(spec.sorts[sort])
        return rows.order_by(
            field.desc(nulls_last=True) if descending else field.asc(nulls_last=True), spec.tiebreak
        )
    return rows.order_by(*spec.default_order)
