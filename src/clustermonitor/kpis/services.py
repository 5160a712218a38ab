"""Writes of KPI figures: a cluster's yearly target and its reported result.

The importer's rules: a known cluster and KPI; beyond them, nothing of a closed year
changes. A refusal is a `KpiFigureRefused` (a `WriteRefused`) carrying every
(column, message) problem.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from clustermonitor.clusters.models import Cluster
from clustermonitor.clusters.revision import data_changed
from clustermonitor.domain.messages import _
from clustermonitor.domain.rules import Problem
from clustermonitor.kernel.audit import require_actor, set_by
from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.kernel.selectors import closed_year_check
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
    require_actor(actor)
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
        problems += closed_year_check(year)
        if problems:
            raise KpiFigureRefused(problems)
        if what == "target":
            figure, _created = set_by(
                KpiTarget,
                lookup={"cluster": the_cluster, "kpi": the_kpi, "year": year},
                values={"target": value},
                actor=actor,
            )
            data_changed()
            return figure
        result, _created = set_by(
            KpiResult,
            lookup={"cluster": the_cluster, "kpi": the_kpi, "year": year},
            values={"value": value, "reported_on": reported_on, "source": source or f"web: {actor}"},
            actor=actor,
        )
        data_changed()
        return result
