"""The revision of the programme data, and the cache of figures computed from it.

Every service that writes programme data (clusters, budgets, allocations, the ledger,
projects, KPIs, an import) calls `data_changed()` as the last statement of its
transaction, after its locks, so the one revision row is the last lock it takes (no
lock-order deadlock) and the new token becomes visible together with the data. Figures
are cached under (token, what was asked): a reader either sees the old token and the old
data, or the new token and the new data. A change made outside clustermonitor (SQL by
hand) is seen once the cached figures expire (`REPORT_CACHE_SECONDS`, default 300 s).
"""

from collections.abc import Callable
from typing import TypeVar
from uuid import uuid4

from django.core.cache import caches

from clustermonitor.clusters.models import DataRevision

T = TypeVar("T")
CACHE = "figures"


def data_changed() -> None:
    """Give the data a new revision token (inside the writing transaction, at its end)."""
    token = uuid4().hex
    if not DataRevision.objects.filter(pk=1).update(token=token):  # the row was flushed
        DataRevision.objects.get_or_create(pk=1, defaults={"token": token})


def data_revision() -> str | None:
    """The current token; None when the revision row is missing (nothing is cached then)."""
    return DataRevision.objects.filter(pk=1).values_list("token", flat=True).first()


def cached(key: str, compute: Callable[[], T]) -> T:
    """`compute()`, cached under the data revision and `key` (a fresh copy on every hit)."""
    store = caches[CACHE]
    if store.default_timeout == 0:  # REPORT_CACHE_SECONDS=0: the cache is off
        return compute()
    revision = data_revision()
    if revision is None:
        return compute()
    full_key = f"{revision}:{key}"
    found: T | None = store.get(full_key)
    if found is None:
        found = compute()
        store.set(full_key, found)
    return found
