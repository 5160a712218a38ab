"""The KPI definitions the demo is built on: real, from De Blauwe Cluster's KPI reporting."""

from dataclasses import dataclass

# --- KPI definitions (real: De Blauwe Cluster's KPI reporting, cluster_kpis_sourced.csv) ---


@dataclass(frozen=True)
class KpiFact:
    code: str
    name: str
    unit: str
    kind: str
    computed_from: str = ""
    real: bool = True


KPIS: tuple[KpiFact, ...] = (
    KpiFact(
        "H-1",
        "Bijkomende omzet in Vlaanderen bij een of meer clusterleden gekoppeld aan de binnen de"
        " cluster ontwikkelde activiteiten (MEUR)",
        "MEUR",
        "impact",
    ),
    KpiFact(
        "H-2",
        "Aantal bijkomende VTE's in Vlaanderen gekoppeld aan de binnen de cluster ontwikkelde activiteiten",
        "FTE",
        "impact",
    ),
    KpiFact(
        "H-3",
        "Bijkomende investeringen in Vlaanderen gekoppeld aan de binnen de cluster ontwikkelde"
        " activiteiten (MEUR)",
        "MEUR",
        "impact",
    ),
    KpiFact("C-1", "Aantal actieve clusterleden", "count", "output"),
    KpiFact("C-1bis", "Aantal actieve KMO-clusterleden", "count", "output"),
    KpiFact("C-2", "Aantal netwerkevents georganiseerd door de cluster", "count", "output"),
    KpiFact(
        "C-4",
        "Aantal gegenereerde samenwerkingsinitiatieven tussen minstens 3 ondernemingen",
        "count",
        "output",
    ),
    KpiFact(
        "C-5",
        "Aantal unieke ondernemingen betrokken in samenwerkingsinitiatieven met minstens 3 ondernemingen",
        "count",
        "output",
    ),
    KpiFact(
        "C-5bis",
        "Het aandeel van KMO's betrokken in samenwerkingsinitiatieven tussen minstens 3 ondernemingen",
        "%",
        "output",
    ),
    KpiFact(
        "CPI3",
        "Aantal projecten dat kan leiden tot (of gericht is op) innovatie",
        "count",
        "output",
        "approved_projects",
    ),
    KpiFact(
        "DEMO-APPL",
        "Aantal projectaanvragen (synthetische demo-KPI, geen officiële definitie)",
        "count",
        "output",
        "applications",
        real=False,
    ),
    KpiFact(
        "DEMO-OPF",
        "Verkregen andere publieke middelen (synthetische demo-KPI, geen officiële definitie)",
        "EUR",
        "output",
        "other_public_funding",
        real=False,
    ),
)
KPI_SOURCE = "GitHub AlainBenbassat/be.blauwecluster.reports (De Blauwe Cluster's CiviCRM KPI reports)"
