"""The mapping vocabulary: the words that say which report answers a sub-question.

One place, Dutch and English per report. Each entry is one term (a regular expression,
matched case-insensitively on word boundaries); a sub-question is answered by the
report(s) with the most terms matched (a tie keeps each tied report). A sub-question
that matches none is answered in prose. Edit this file to teach the mapping new words.
"""

VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "budget-overview": {
        "nl": (
            r"vastlegging\w*",
            r"budget\w* voor het clusterbeleid",
            r"totale middelen",
            r"onderscheid tussen speerpuntclusters en ibn",
            r"envelop\w*",
            r"volledig\w* jaar",
        ),
        "en": (
            r"commitments?",
            r"cluster policy budget",
            r"total resources",
            r"envelopes?",
            r"full[- ]year",
        ),
    },
    "cluster-overview": {
        "nl": (
            r"per speerpuntcluster",
            r"toegekende middelen",
            r"projectaanvra\w*",
            r"goedgekeurd\w*",
            r"gemeenschappelijke (pot|middelen)",
        ),
        "en": (
            r"per spearhead cluster",
            r"allocated resources",
            r"(project )?applications?",
            r"approved",
            r"common pool",
        ),
    },
    "additional-resources": {
        "nl": (
            r"bijkomende middelen",
            r"publieke middelen",
            r"herkomst",
            r"andere steuninstrumenten",
            r"cofinanciering",
        ),
        "en": (
            r"additional (resources|funding)",
            r"public funding",
            r"origin",
            r"other (support )?instruments",
            r"co-?financing",
        ),
    },
    "pact-resources": {
        "nl": (
            r"looptijd",
            r"clusterpact\w*",
            r"jaarlijks\w*",
            r"beschikbare middelen",
        ),
        "en": (
            r"(whole|entire|full) (pact|term)",
            r"cluster pacts?",
            r"(yearly|annual)",
            r"available resources",
        ),
    },
    "project-generation": {
        "nl": (
            r"projectgeneratie",
            r"geoormerkt\w* projectbudget",
            r"geoormerkte middelen",
            r"projecttype\w*",
            r"steun werd toegekend",
        ),
        "en": (
            r"project generation",
            r"earmarked",
            r"project types?",
            r"support (was )?granted",
        ),
    },
    "kpi-status": {
        "nl": (
            r"kpi\w*|key performance indicators?",
            r"gehaald|behaald",
            r"naleving",
        ),
        "en": (
            r"targets? (were |was )?met|achieved",
            r"compliance",
        ),
    },
}

# Other names people use for a cluster, beside its code and name in the database.
CLUSTER_ALIASES: dict[str, tuple[str, ...]] = {
    "BLUE": ("De Blauwe Cluster", "Blauwe Cluster", "The Blue Cluster"),
    "VIL": ("Vlaams Instituut voor de Logistiek", "Flanders Institute for Logistics"),
    "SIM": ("Strategisch Initiatief Materialen",),
    "FOOD": ("Flanders Food", "Flanders' FOOD"),
}
