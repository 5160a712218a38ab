"""The demo's written questions: 89 (reconstructed from what 228 says of it, answered and
frozen as of 5 December 2018) and 228 (received, being drafted), so that 228's page shows
question 89's figures then against now: the 2018 figures were provisional in 89's answer."""

from datetime import date
from pathlib import Path

from clustermonitor.questions.models import WrittenQuestion
from clustermonitor.questions.services import prose_set, question_add, question_approve

SEED = Path(__file__).resolve().parent / "seed" / "written-question-228-2019.txt"
ACTOR = "demo"
QUESTION_89 = """Innovatieve bedrijfsnetwerken en speerpuntclusters - Budgetten

Schriftelijke vraag nr. 89 van 5 december 2018 van Daniëlle Vanwesenbeeck

Reconstructie: de oorspronkelijke tekst zit niet in deze demo. Deze vraag is opgebouwd uit
wat de latere vraag "Budgetten (2)" erover zegt: het antwoord gaf een overzicht van de
budgetten en vastleggingen voor het clusterbeleid, en in deelantwoord 4 de bijkomende
middelen voor de speerpuntclusters boven op het geoormerkt projectbudget.

1. Kan de minister een overzicht geven van de budgetten en de effectieve vastleggingen voor
het clusterbeleid voor de jaren 2016, 2017 en 2018?

2. Hoeveel projectaanvragen werden in 2018 per speerpuntcluster ingediend en hoeveel werden
goedgekeurd?

3. Wat zijn de jaarlijks beschikbare middelen voor clusterwerking tijdens de looptijd van
het clusterpact?

4. Welke bijkomende middelen werden in 2017 verkregen voor de speerpuntclusters?
"""


def demo_questions() -> list[WrittenQuestion]:
    """Store (or replace) questions 89 and 228 as the demo has them."""
    earlier = question_add(QUESTION_89, actor=ACTOR, replace=True, reconstruction=True)
    question_approve(earlier, as_of=date(2018, 12, 5), actor=ACTOR)
    later = question_add(SEED.read_text(encoding="utf-8"), actor=ACTOR, replace=True)
    prose_set(
        later,
        "1b",
        "Deze projecten werden niet gesteund op de geoormerkte middelen: het gaat om projecttypes "
        "die niet onder de geoormerkte middelen vallen, of om projecten die door andere "
        "beleidsdomeinen gefinancierd werden.",
        actor=ACTOR,
    )
    return [earlier, later]
