"""Synthetic project titles: an action and a topic of the cluster's domain, marked synthetic."""

import random

from clustermonitor.demo import facts

TOPICS: dict[str, tuple[str, ...]] = {
    "CATALISTI": (
        "biogebaseerde polymeren",
        "katalytische processen",
        "chemische recyclage",
        "CO2-hergebruik",
        "procesintensificatie",
        "duurzame coatings",
        "elektrificatie van chemische processen",
    ),
    "SIM": (
        "lichtgewicht composieten",
        "slimme coatings",
        "additieve productie van metalen",
        "keramische materialen",
        "materialen voor energieopslag",
        "zelfherstellende polymeren",
    ),
    "VIL": (
        "synchromodaal transport",
        "stedelijke distributie",
        "digitale supply chains",
        "havenlogistiek",
        "palletpooling",
        "koelketenlogistiek",
    ),
    "FLUX50": (
        "slimme elektriciteitsnetten",
        "energieflexibiliteit",
        "warmtenetten",
        "energierenovatie van gebouwen",
        "batterijopslag",
        "microgrids",
    ),
    "FOOD": (
        "voedselveiligheid",
        "de eiwittransitie",
        "voedselverlies",
        "duurzame voedingsverpakkingen",
        "procesmonitoring in de voedingsindustrie",
        "gezonde voeding",
    ),
    "BLUE": (
        "offshore windenergie",
        "aquacultuur op zee",
        "kustbescherming",
        "baggertechnologie",
        "maritieme robotica",
        "blauwe biotechnologie",
    ),
}
ACTIONS = (
    "Opschaling van",
    "Validatie van",
    "Digitale tweeling voor",
    "Nieuwe concepten voor",
    "Kostenefficiënte aanpak voor",
    "Demonstrator voor",
    "Kennisopbouw rond",
    "Levenscyclusanalyse van",
    "Automatisering van",
    "Circulair ontwerp voor",
)
SYNTHETIC_TITLE = " (synthetic)"


def title(rng: random.Random, cluster: facts.ClusterFact) -> str:
    topics = TOPICS.get(cluster.code, (cluster.domain.lower(),))
    return f"{rng.choice(ACTIONS)} {rng.choice(topics)}{SYNTHETIC_TITLE}"
