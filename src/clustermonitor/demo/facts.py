"""The public facts the demo is built on, each with its source, and the calibration targets.

Everything here comes from /work/shared/domain/facts (the sourced factsheet and its CSVs).
What the facts do not give (exact recognition dates of some clusters, IBN names, per-year
splits, every project, ledger entry, co-financing amount and KPI value) is synthetic and
generated in the other modules of this package; docs/demo-data.md lists both sides.
"""

from dataclasses import dataclass
from datetime import date

# --- the programme's calendar ------------------------------------------------------------

FIRST_YEAR = 2016
LAST_YEAR = 2020
YEARS = tuple(range(FIRST_YEAR, LAST_YEAR + 1))
# The day the demo's data stops ("today" in the demo): nothing is dated after it.
DATA_CUTOFF = date(2020, 9, 30)
# Years 2016-2018 are closed (definitive), 2019-2020 open. The closing dates are synthetic.
CLOSED_ON: dict[int, date] = {2016: date(2017, 2, 24), 2017: date(2018, 3, 16), 2018: date(2019, 3, 15)}

# --- caps and rate (real: VLAIO subsidiedatabank "innovatieclusters", facts B01/B02) --------

SPEARHEAD_CAP_CENTS = 500_000_00
IBN_CAP_CENTS = 150_000_00
SUPPORT_RATE_PERCENT = 50

# Prefix of every project reference and ledger id the demo creates: marks demo data.
REF_PREFIX = "DEMO."


@dataclass(frozen=True)
class ClusterFact:
    code: str
    name: str
    type: str  # "spearhead" or "ibn"
    domain: str
    recognised_on: date
    pact_start_year: int
    pact_end_year: int
    basis: str  # where the dates come from (for docs/demo-data.md)
    size: int = 100  # relative size, used to scale synthetic figures


SPEARHEADS: tuple[ClusterFact, ...] = (
    ClusterFact(
        "CATALISTI",
        "Catalisti",
        "spearhead",
        "Duurzame chemie en kunststoffen",
        date(2016, 10, 27),
        2017,
        2026,
        "Hermes decision committee round of VIL (27 Oct 2016) chose FISCH/Catalisti; exact date not"
        " stated, so the VIL date is used (approximate). Pact signed 9 Jun 2017.",
        110,
    ),
    ClusterFact(
        "SIM",
        "SIM (Strategic Initiative Materials)",
        "spearhead",
        "Materialen",
        date(2017, 1, 1),
        2017,
        2026,
        "Spearhead cluster from 1 Jan 2017 (green-light date not given; the start date is used)."
        " Pact signed 9 Jun 2017. When SIM stopped is not known: the nominal 10 years are used.",
        90,
    ),
    ClusterFact(
        "VIL",
        "VIL (Vlaams Instituut voor de Logistiek)",
        "spearhead",
        "Logistiek",
        date(2016, 10, 27),
        2017,
        2026,
        "Business plan approved by the Hermes decision committee 27 Oct 2016; spearhead cluster"
        " from 1 Jan 2017. Pact signed 9 Jun 2017.",
        100,
    ),
    ClusterFact(
        "FLUX50",
        "Flux50 (Vlaamse Energiecluster)",
        "spearhead",
        "Energie en bouw",
        date(2016, 12, 15),
        2017,
        2026,
        "Green light 15 Dec 2016; recognised January 2017 (press). Pact date not found.",
        100,
    ),
    ClusterFact(
        "FOOD",
        "Flanders' FOOD",
        "spearhead",
        "Agro-voeding",
        date(2017, 4, 28),
        2018,
        2027,
        'Recognised "end of April 2017" (exact day synthetic); spearhead cluster since'
        " 1 Jan 2018; pact signed 20 Apr 2018.",
        80,
    ),
    ClusterFact(
        "BLUE",
        "De Blauwe Cluster",
        "spearhead",
        "Blauwe economie",
        date(2018, 3, 8),
        2018,
        2027,
        "VLAIO green light 8 Mar 2018; launched 26 Jun 2018; pact signed 15 Feb 2019.",
        80,
    ),
)

# Not in the demo: MEDVIA (flanders.healthTech) was announced as the seventh spearhead
# cluster on 30 Jun 2021 and founded in September 2021, after the demo's 2016-2020 period.

# IBNs. VLAIO [P]: 14 IBNs from the first call (2015; final selection planned 14 Jul 2016;
# their funding ended in December 2019) and 6 from the second call (recognised in 2018).
# Only IoT4Society and IoT Value Chain are named in the facts; every other name is
# synthetic and says so.
FIRST_CALL_RECOGNISED = date(2016, 7, 14)
IBN_FIRST_CALL: tuple[tuple[str, str, str, int], ...] = (
    # code, synthetic name, domain, first pact year (support ended December 2019)
    ("IBN-PACK", "Slimme verpakkingen (synthetic IBN)", "Verpakking", 2016),
    ("IBN-PHOTON", "Fotonica-netwerk (synthetic IBN)", "Fotonica", 2016),
    ("IBN-3DPRINT", "Additieve productie (synthetic IBN)", "Maakindustrie", 2016),
    ("IBN-WATER", "Watertechnologie (synthetic IBN)", "Water", 2016),
    ("IBN-FARM", "Digitale landbouw (synthetic IBN)", "Landbouw", 2016),
    ("IBN-BIKE", "Fietsinnovatie (synthetic IBN)", "Mobiliteit", 2016),
    ("IBN-TEXTILE", "Technisch textiel (synthetic IBN)", "Textiel", 2016),
    ("IBN-CIRC", "Circulaire bouwmaterialen (synthetic IBN)", "Circulaire economie", 2016),
    ("IBN-SPORT", "Sporttechnologie (synthetic IBN)", "Sport", 2017),
    ("IBN-MEDIA", "Media en audiovisueel (synthetic IBN)", "Media", 2017),
    ("IBN-BUILD", "Bouwinnovatie (synthetic IBN)", "Bouw", 2017),
    ("IBN-HEALTH", "Zorgtechnologie (synthetic IBN)", "Gezondheid", 2017),
    ("IBN-AIR", "Luchtvaartonderdelen (synthetic IBN)", "Luchtvaart", 2017),
    ("IBN-BIOECO", "Biogebaseerde economie (synthetic IBN)", "Bio-economie", 2017),
)
IBN_SECOND_CALL: tuple[tuple[str, str, str, date], ...] = (
    # code, name, domain, recognition date (synthetic: "recognised in 2018")
    ("IOT4SOC", "IoT4Society", "IoT en slimme steden", date(2018, 6, 12)),
    ("IOTVALUE", "IoT Value Chain", "IoT en slimme steden", date(2018, 6, 12)),
    ("IBN-H2", "Waterstofnetwerk (synthetic IBN)", "Energie", date(2018, 6, 12)),
    ("IBN-AI", "Toegepaste AI (synthetic IBN)", "Digitaal", date(2018, 6, 12)),
    ("IBN-DRONE", "Drone-toepassingen (synthetic IBN)", "Luchtvaart", date(2018, 6, 12)),
    ("IBN-FOODPACK", "Voedingsverpakkingen (synthetic IBN)", "Agro-voeding", date(2018, 6, 12)),
)
SECOND_CALL_PACT = (2019, 2021)


def clusters() -> tuple[ClusterFact, ...]:
    """Every cluster of the demo: the six spearhead clusters, then the 20 IBNs."""
    first = tuple(
        ClusterFact(code, name, "ibn", domain, FIRST_CALL_RECOGNISED, start, 2019, "first IBN call", 40)
        for code, name, domain, start in IBN_FIRST_CALL
    )
    second = tuple(
        ClusterFact(code, name, "ibn", domain, recognised, *SECOND_CALL_PACT, "second IBN call", 40)
        for code, name, domain, recognised in IBN_SECOND_CALL
    )
    return SPEARHEADS + first + second


# --- budgets (the earmarked spearhead project budget; real where a source gives it) --------

PROJECT_BUDGET_CENTS: dict[int, int] = {
    2017: 50_000_000_00,  # real: "dit jaar 50 miljoen euro" (minister Muyters, 9 Jun 2017), fact B04
    2018: 66_000_000_00,  # synthetic
    2019: 80_000_000_00,  # real: "ongeveer 80 miljoen euro" (focus-wtv, Feb 2019), fact B05
    2020: 82_000_000_00,  # synthetic ("ruim 80 miljoen", engineeringnet, >= 2021, fact B09)
}

# --- calibration of the approved earmarked projects --------------------------------------
# IDEA Consult interim evaluation (fact B10/B11): up to end 2019, 213 collaboration projects
# with "bijna 202 miljoen" reserved support. The split over the years is synthetic.
APPROVED_PER_YEAR: dict[int, tuple[int, int]] = {
    # decision year: (approved earmarked projects, granted support in cents)
    2017: (60, 48_000_000_00),
    2018: (66, 62_000_000_00),
    2019: (87, 91_600_000_00),
    2020: (48, 52_000_000_00),  # synthetic, up to the data cut-off
}
# Granted in 2019 by the December Hermes committee, committed on the 2020 budget.
DECEMBER_2019_BATCH = (14, 15_000_000_00)

# De Blauwe Cluster, first year 2019 (facts B13-B17, self-reported news): 15 innovation
# projects approved, about EUR 24 M total, of which EUR 16.8 M from the Flemish government;
# 27 collaboration initiatives; > 40 unique companies, 40 % SMEs.
BLUE_2019_PROJECTS = 15
BLUE_2019_SUPPORT_CENTS = 16_800_000_00
BLUE_2019_TOTAL_COST_CENTS = 24_000_000_00
BLUE_2019_INITIATIVES = 27
BLUE_2019_SME_SHARE = 40
BLUE_NEWS = "https://www.blauwecluster.be/nieuws/vijftien-innovatieprojecten-goedgekeurd-2019"

# Flanders' FOOD (facts B18/B19, dvo.be 2 Nov 2017): 18 projects submitted to VLAIO in its
# first cluster round, "een investering van bijna 8,5 miljoen euro".
FOOD_2017_SUBMITTED_ON = date(2017, 11, 2)
FOOD_2017_PROJECTS = 18
FOOD_2017_TOTAL_COST_CENTS = 8_450_000_00
FOOD_NEWS = "https://www.dvo.be/artikel/58811-speerpunt-cluster-flandersfood-dient-18-projecten-bij-vlaio-in/"


# Other public instruments (contract examples) with the project type used for each.
INSTRUMENT_TYPES: dict[str, str] = {
    "EFRO": "REGIONAL_DEV",
    "INTERREG": "REGIONAL_DEV",
    "FIT": "INTERNATIONAL",
    "WSE": "TRAINING",
    "FWO": "FUNDAMENTAL",
    "OVAM": "CIRCULAR",
    "H2020": "EU_RESEARCH",
    "ERANET": "EU_RESEARCH",
    "INTERCLUSTER": "CLUSTER_RD",
    "RD_REGULAR": "INNOVATION",
}
