"""Every figure with a link drills down to records whose sum (or count) is that figure,
on every report page, on the tiny world and on the demo, with and without an as-of date."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.test import Client

from tests.web.conftest import client_for, make_users

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a class="figure" href="([^"]+)" data-value="([^"]*)">')
TOTAL = re.compile(r'<output id="drill-total" data-value="([^"]*)">')


def figure_links(client: Client, url: str) -> list[tuple[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, url
    return [(unescape(href), value) for href, value in LINK.findall(response.content.decode())]


def assert_drills_add_up(client: Client, url: str) -> int:
    links = figure_links(client, url)
    for href, value in links:
        page = client.get(href)
        assert page.status_code == 200, href
        (total,) = TOTAL.findall(page.content.decode())
        assert Decimal(total) == Decimal(value), (url, href, total, value)
    return len(links)


PAGES = [
    "/years/2018/",
    "/reports/budget-overview/?year=2018",
    "/reports/cluster-overview/?year=2018",
    "/reports/additional-resources/?year=2018",
    "/reports/project-generation/?year=2018",
    "/reports/kpi-status/?year=2018",
    "/reports/pact-resources/",
    "/clusters/VIL/",
]


@pytest.mark.parametrize("as_of", ["", "2018-06-30"])
@pytest.mark.parametrize("url", PAGES)
def test_every_drill_down_adds_up_to_its_figure(users: None, url: str, as_of: str) -> None:
    sep = "&" if "?" in url else "?"
    checked = assert_drills_add_up(client_for("analyst"), f"{url}{sep}as_of={as_of}" if as_of else url)

    assert checked > 0 or "kpi-status" in url  # the tiny world has no KPIs; the demo test has


def test_the_committed_projects_drill_lists_the_entries(users: None) -> None:
    page = client_for("viewer").get(
        "/drill/ledger/?year=2018&envelope=spearhead_projects&measure=committed&column=committed"
    )
    html = page.content.decode()

    # 4 500 000 + 800 000.50 + 1 000 000 − 200 000 − 50 000 (OLD's decommitment counts here)
    assert 'data-value="6050000.50"' in html
    assert "€ 6.050.000,50" in html
    assert "€ -200.000,00" in html


def test_demo_dashboard_drills_add_up(demo_db: object) -> None:
    make_users("BLUE")
    client = client_for("admin")

    assert assert_drills_add_up(client, "/years/2019/") > 50
    assert assert_drills_add_up(client, "/reports/kpi-status/?year=2018") > 10


def test_the_list_names_the_filters_its_records_are_chosen_by(users: None) -> None:
    html = (
        client_for("viewer").get("/drill/allocations/?year=2018&measure=allocated&lang=en").content.decode()
    )
    chips = re.findall(r'<span class="chip">([^<]*)</span>', html)

    assert "measure = allocated" in chips and "year = 2018" in chips
    assert not [chip for chip in chips if chip.startswith("lang")]  # the language is no filter


def test_an_unknown_measure_is_a_404_not_another_list(users: None) -> None:
    assert client_for("viewer").get("/drill/ledger/?year=2018&measure=nope").status_code == 404
