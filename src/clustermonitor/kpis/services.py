"""Writes of KPI figures: a cluster's yearly target and its reported result.

The importer's rules: a known cluster and KPI; beyond them, nothing of a closed year
changes. A refusal is a `KpiFigureRefused` (a `WriteRefused`) carrying every
(column, message) problem.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from clustermonitor.budget import selectors as budget_selectors
from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.revision import data_changed
from clustermonitor.domain.messages import _
from clustermonitor.domain.rules import Problem
from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.kpis.models import Kpi, KpiResult, KpiTarget


class KpiFigureRefused(WriteRefused):
    """A KPI target or result was refused."""


def kpi_figure_set(
    *,
    what: str,
    cluster: str,
    kpi: str,
    year: int,
    value: Decimal,
    reported_on: date | None = None,
    source: str = "",
    actor: str,
) -> KpiTarget | KpiResult:
    """Create or change a KPI target (`what="target"`) or reported result (`"result"`) of an
    open year; raises KpiFigureRefused. A result without a source records who entered it."""
    with transaction.atomic():
        problems: list[Problem] = []
        if what not in ("target", "result"):
            raise ValueError(f"what: 'target' or 'result', not {what!r}")
        the_cluster = Cluster.objects.filter(code=cluster).first()
        the_kpi = Kpi.objects.filter(code=kpi).first()
        if the_cluster is None:
            problems.append(("cluster", _("unknown cluster {cluster}", cluster=cluster)))
        if the_kpi is None:
            problems.append(("kpi", _("unknown KPI {kpi}", kpi=kpi)))
        if what == "result" and reported_on is None:
            problems.append(("reported_on", _("required for a result")))
        closed_on = budget_selectors.year_closed_on(year)
        if closed_on is not None:
            problems.append(
                (
                    "year",
                    _(
                        "{year} is closed (on {closed_on}): nothing of it may change",
                        year=year,
                        closed_on=closed_on,
                    ),
                )
            )
        if problems:
            raise KpiFigureRefused(problems)
        if what == "target":
            figure, _created = KpiTarget.objects.update_or_create(
                cluster=the_cluster, kpi=the_kpi, year=year, defaults={"target": value}
            )
            data_changed()
            return figure
        result, _created = KpiResult.objects.update_or_create(
            cluster=the_cluster,
            kpi=the_kpi,
            year=year,
            defaults={"value": value, "reported_on": reported_on, "source": source or f"web: {actor}"},
        )
        data_changed()
        return result
