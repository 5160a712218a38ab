"""A closed year may not change: ONE rule and ONE message (`domain.rules.closed_year_problems`),
whether the change comes from an import, a service call or a web form. The import and the
service say it in English; the web page in its language, from the same template."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from clustermonitor.domain.rules import closed_year_message
from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.projects.services import project_submit
from clustermonitor.web.forms import translated
from tests.datasets.helpers import copy_fixture, import_errors, replace_in, run_import
from tests.web.conftest import client_for
from tests.web.test_entry import error, page

pytestmark = pytest.mark.django_db

day = datetime.date
# 2017 is closed on 2018-03-01 in both the reports' tiny world and the tiny dataset.
MESSAGE = closed_year_message(2017, day(2018, 3, 1))
APPLICATION = {
    "ref": "V-NEW",
    "cluster": "VIL",
    "title": "Smart pallets",
    "type": "ICON",
    "channel": "earmarked",
    "instrument": "",
    "submitted_on": "2017-06-01",
    "total_cost": "200000.00",
    "requested_support": "120000.00",
}


def test_the_import_says_the_rules_message(tmp_path: Path) -> None:
    folder = copy_fixture("tiny", tmp_path)
    run_import(folder)
    replace_in(folder, "budgets.csv", "2017,ibn,300000.00", "2017,ibn,310000.00")

    assert import_errors(folder) == [f"budgets.csv:4: column year: {MESSAGE}"]


def test_the_service_says_the_rules_message(users: None) -> None:
    with pytest.raises(WriteRefused) as refused:
        project_submit(
            ref="V-NEW",
            cluster="VIL",
            title="Smart pallets",
            type="ICON",
            channel="earmarked",
            instrument="",
            submitted_on=day(2017, 6, 1),
            total_cost=Decimal("200000.00"),
            requested_support=Decimal("120000.00"),
            actor="marie",
        )

    assert dict(refused.value.problems)["submitted_on"] == MESSAGE


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_web_says_the_rules_message_in_the_pages_language(users: None, lang: str) -> None:
    html = page(client_for("analyst").post(f"/projects/new/?lang={lang}", APPLICATION))

    with translation.override(lang):
        expected = translated(MESSAGE)
    assert error(html, "submitted_on") == expected
    assert lang == "nl" or expected == MESSAGE
