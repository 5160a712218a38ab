"""The one label catalogue (gettext): report columns, codes, statuses, instruments and KPI
units, for pages, documents and charts alike; unknown codes show as is."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LABELS: dict[str, Promise] = {
    "envelope": _("envelope"),
    "budget": _("budget"),
    "allocated": _("allocated"),
    "unallocated": _("unallocated"),
    "committed": _("committed"),
    "paid": _("paid"),
    "available": _("available"),
    "spearhead_operation": _("spearhead cluster operation"),
    "spearhead_projects": _("spearhead project budget"),
    "spearhead": _("spearhead clusters"),
    "ibn": _("IBN operation"),
    "total": _("total"),
    "cluster": _("cluster"),
    "name": _("name"),
    "type": _("type"),
    "allocated_operation": _("allocated operation"),
    "allocated_projects": _("allocated projects"),
    "committed_operation": _("committed operation"),
    "committed_projects": _("committed projects"),
    "drawn_from_pool": _("drawn from pool"),
    "applications": _("applications"),
    "approved": _("approved"),
    "approved_support": _("approved support"),
    "approved_total_cost": _("approved total cost"),
    "other_public_funding": _("other public funding"),
    "drawn": _("drawn"),
    "remaining": _("remaining"),
    "instrument": _("instrument"),
    "projects": _("projects"),
    "granted_support": _("granted support"),
    "total_cost": _("total cost"),
    "average_support": _("average support"),
    "earmarked_used": _("earmarked budget used"),
    "year": _("year"),
    "figures": _("figures"),
    "definitive": _("definitive"),
    "provisional": _("provisional"),
    "planned": _("planned"),
    "pact_start_year": _("first pact year"),
    "pact_end_year": _("last pact year"),
    "kpi": _("KPI"),
    "kind": _("kind"),
    "target": _("target"),
    "value": _("value"),
    "source": _("source"),
    "reported_value": _("reported value"),
    "mismatch": _("mismatch"),
    "ratio": _("ratio"),
    "status": _("status"),
    "met": _("met"),
    "partly": _("partly"),
    "missed": _("missed"),
    "no_data": _("no data"),
    "computed": _("computed"),
    "reported": _("reported"),
    "output": _("output"),
    "impact": _("impact"),
    "commitment": _("commitment"),
    "decommitment": _("decommitment"),
    "payment": _("payment"),
    "submitted": _("submitted"),
    "rejected": _("rejected"),
    "withdrawn": _("withdrawn"),
    "earmarked": _("earmarked"),
    "other": _("other"),
    "yes": _("yes"),
    "no": _("no"),
    "envelopes": _("envelopes"),
    "clusters": _("clusters"),
    "pool": _("common pool"),
    "other public funding by instrument": _("other public funding by instrument"),
    "projects per cluster and instrument": _("projects per cluster and instrument"),
    "projects per instrument": _("projects per instrument"),
    "projects per cluster and type": _("projects per cluster and type"),
    "earmarked project budget used": _("earmarked project budget used"),
    "years": _("years"),
    "KPIs": _("KPIs"),
    "status per cluster": _("status per cluster"),
    "budget-overview": _("Budget overview"),
    "cluster-overview": _("Cluster overview"),
    "additional-resources": _("Additional resources"),
    "pact-resources": _("Pact resources"),
    "project-generation": _("Project generation"),
    "kpi-status": _("KPI status"),
    "admin": _("administrator"),
    "analyst": _("analyst"),
    "viewer": _("viewer"),
    "channel": _("channel"),
    "measure": _("measure"),
    "scope": _("scope"),
    "as_of": _("as of"),
}


# The contract's instruments (projects.csv `instrument`) by name; others show their code.
INSTRUMENTS: dict[str, Promise] = {
    "HERMES": _("Hermes fund (earmarked budget)"),
    "EFRO": _("EFRO (European Regional Development Fund)"),
    "INTERREG": _("Interreg"),
    "FIT": _("FIT (internationalisation)"),
    "WSE": _("WSE (training)"),
    "FWO": _("FWO (research)"),
    "OVAM": _("OVAM (circular economy)"),
    "H2020": _("Horizon 2020"),
    "ERANET": _("ERA-NET"),
    "INTERCLUSTER": _("intercluster projects"),
    "RD_REGULAR": _("regular R&D projects"),
    "cSBO": _("cSBO (strategic basic research for clusters)"),
    "ICON": _("ICON (interdisciplinary cooperative research)"),
    "COOCK": _("COOCK (collective research)"),
}

# KPI units (kpis.csv `unit`) as printed after a value; others print as stored.
UNITS: dict[str, Promise] = {
    "count": _("count"),
    "FTE": _("FTE"),
    "MEUR": _("million euro"),
}


def label(code: str) -> str:
    found = LABELS.get(code)
    return str(found) if found is not None else code


def instrument_name(code: str) -> str:
    found = INSTRUMENTS.get(code)
    return str(found) if found is not None else code
