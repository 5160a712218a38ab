"""Reading totals: total and subtotal rows are marked (bold) and stay at the bottom when a
table is sorted; project-generation and additional-resources end with grand totals on
the page and in the documents, which the JSON does not carry."""

import io
import re
from decimal import Decimal

import pytest
from django.test import Client
from openpyxl import load_workbook

from clustermonitor.clusters.models import Cluster
from clustermonitor.reports.registry import report_build
from clustermonitor.web.report_charts import LABEL_CHARS

pytestmark = pytest.mark.django_db


def rows_of(html: str, table_id: str) -> list[str]:
    table = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr[^>]*>.*?</tr>", table.split("<tbody>", 1)[1], re.S)


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_total_rows_are_bold_and_stay_last_when_sorted(clients: dict[str | None, Client], order: str) -> None:
    url = f"/reports/budget-overview/?year=2018&sort=committed&order={order}"
    rows = rows_of(clients["viewer"].get(url).content.decode(), "table-0")

    marked = [i for i, row in enumerate(rows) if row.startswith('<tr class="total">')]
    assert marked == [len(rows) - 2, len(rows) - 1]  # the spearhead subtotal, then the total
    assert ">totaal<" in rows[-1] or "total" in rows[-1]


def test_project_generation_has_grand_totals_on_the_page_and_in_documents(
    clients: dict[str | None, Client],
) -> None:
    report = report_build("project-generation", year=2018)
    granted = sum((row["granted_support"] for row in report["rows"]), start=Decimal(0))
    html = clients["viewer"].get("/reports/project-generation/?year=2018").content.decode()
    xlsx = clients["viewer"].get("/reports/project-generation/?year=2018&format=xlsx").content

    last = rows_of(html, "table-0")[-1]
    assert last.startswith('<tr class="total">')
    assert f'data-value="{granted}"' in last and "6.300.000,51" in last  # V1 + V2 + V7 + S1
    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[0]
    labels = [row[0].value for row in sheet.iter_rows()]
    assert labels[-1] in ("total", "totaal")
    assert "totals" not in report  # the JSON is unchanged: no totals object added


def test_additional_resources_ends_with_its_grand_total(clients: dict[str | None, Client]) -> None:
    html = clients["viewer"].get("/reports/additional-resources/?year=2018&sort=projects").content.decode()

    assert rows_of(html, "table-0")[-1].startswith('<tr class="total">')
    assert rows_of(html, "table-1")[-1].startswith('<tr class="total">')


def test_committed_above_allocated_is_marked_not_by_colour_alone(clients: dict[str | None, Client]) -> None:
    html = clients["viewer"].get("/reports/cluster-overview/?year=2018&lang=en").content.decode()

    vil = next(row for row in rows_of(html, "table-0") if 'href="/clusters/VIL/"' in row)
    sim = next(row for row in rows_of(html, "table-0") if 'href="/clusters/SIM/"' in row)
    assert 'class="num over"' in vil and "above the allocation:" in vil and "▲" in vil
    assert 'class="num over"' not in sim  # SIM committed 1 000 000 of its 3 000 000
    assert 'id="over-legend"' in html


@pytest.mark.parametrize(
    "name", ["budget-overview", "cluster-overview", "additional-resources", "project-generation"]
)
def test_report_pages_have_a_chart_with_values_and_an_axis(
    clients: dict[str | None, Client], name: str
) -> None:
    html = clients["viewer"].get(f"/reports/{name}/?year=2018").content.decode()

    chart = html.split('id="report-chart"', 1)[1].split("</svg>", 1)[0]
    assert chart.count("<rect") >= 1
    assert 'class="value"' in chart and 'class="tick"' in chart and 'class="axis-line"' in chart


def test_report_charts_name_the_clusters(clients: dict[str | None, Client]) -> None:
    html = clients["viewer"].get("/reports/cluster-overview/?year=2018").content.decode()
    chart = html.split('id="report-chart"', 1)[1].split("</svg>", 1)[0]
    labels = re.findall(r'class="axis">([^<]*)<', chart)

    codes = dict(Cluster.objects.values_list("name", "code"))
    assert labels and set(labels) <= set(codes)  # by name (short enough here to fit whole)
    assert not set(labels) & set(codes.values())


def test_report_chart_labels_fit_left_of_the_bars(clients: dict[str | None, Client]) -> None:
    """An instrument's long name is shortened as a cluster's is: it would run over its bar."""
    html = clients["viewer"].get("/reports/additional-resources/?year=2018").content.decode()
    chart = html.split('id="report-chart"', 1)[1].split("</svg>", 1)[0]
    labels = re.findall(r'class="axis">([^<]*)<', chart)

    assert labels and all(len(text) <= LABEL_CHARS for text in labels)
    assert "EFRO (Europees Fonds voor Reg…" in labels  # "… voor Regionale Ontwikkeling" in the table


def test_pact_resources_chart_and_the_dashboard_chart_show_values(clients: dict[str | None, Client]) -> None:
    pact = clients["viewer"].get("/reports/pact-resources/").content.decode()
    dashboard = clients["viewer"].get("/years/2018/").content.decode()

    assert 'class="value"' in pact.split('id="report-chart"', 1)[1].split("</svg>", 1)[0]
    budget = dashboard.split('id="budget-chart"', 1)[1].split("</svg>", 1)[0]
    assert "€ 10.000.000,00" in budget  # spearhead_projects' budget, its bar's value


def parts_of(html: str, table_id: str) -> tuple[str, str]:
    table = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    return table.split("<tbody>", 1)[1].split("</tbody>", 1)[0], table.split("<tfoot>", 1)[1].split(
        "</tfoot>"
    )[0]


def test_totals_sit_in_the_tables_foot_whatever_the_sorting(clients: dict[str | None, Client]) -> None:
    """The spearhead subtotal and the total are the table's foot, unsorted and sorted alike:
    sorting reorders the data rows only."""
    base = "/reports/budget-overview/?year=2018"
    feet, bodies = set(), []
    for query in ("", "&sort=committed&order=asc", "&sort=committed&order=desc", "&sort=envelope"):
        body, foot = parts_of(clients["viewer"].get(base + query).content.decode(), "table-0")
        feet.add(re.sub(r'href="[^"]*"', "", foot))  # links carry the sort
        bodies.append(body)
        assert 'class="total"' not in body
        assert foot.count('<tr class="total">') == 2 and "totaal" in foot.rsplit("<tr", 1)[1]
    assert len(feet) == 1, "\n=====\n".join(feet)
    assert bodies[1] != bodies[2]  # the data rows did move
