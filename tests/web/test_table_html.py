"""The report tables' rows are written in Python (tables.HtmlTable.body_html), not by the
template language: every text escaped as the template escaped it, a code's shared cell
the same in each row, the drill-down links the query `urlencode` writes."""

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from html import escape
from unittest.mock import Mock
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from clustermonitor.clusters.models import Cluster
from clustermonitor.reports.drill import Drill
from clustermonitor.reports.tables import Table
from clustermonitor.web.drill import FigureLinks
from clustermonitor.web.tables import TableLayout
from clustermonitor.web.templatetags.web import cell_texts

pytestmark = pytest.mark.django_db

ODD = "Lab <b>&\"'</b> + é/x"


def test_a_figure_link_is_the_query_urlencode_writes() -> None:
    drill = Drill(
        "projects", {"measure": "approved"}, from_row={"cluster": "cluster", "instrument": "instrument"}
    )
    table = Table(title="t", columns=("cluster", "instrument", "n"), rows=[], drill={"n": drill})
    row = {"cluster": "A B&C", "instrument": ODD, "n": 3}
    links = FigureLinks(year=2018, as_of=date(2018, 6, 30))

    first = links(table, "n", row)
    again = links(table, "n", row)  # from the quoted pairs kept

    params = {"year": 2018, "as_of": "2018-06-30", **(drill.query("n", row) or {})}
    expected = f"{reverse('drill', args=['projects'])}?{urlencode(params)}"
    assert first == again == (expected, "A B&C")
    assert links(table, "cluster", row) is None  # a column without a declaration has no link


def test_an_empty_filter_is_left_out_of_the_link() -> None:
    drill = Drill("projects", {"measure": "approved"}, from_row={"cluster": "cluster", "type": "type"})
    table = Table(title="t", columns=("cluster", "type", "n"), rows=[], drill={"n": drill})
    link = FigureLinks(year=2018, as_of=None)(table, "n", {"cluster": "VIL", "type": "", "n": 1})

    assert link is not None and "type=" not in link[0] and "as_of" not in link[0]


def test_names_in_the_cells_are_escaped(clients: dict[str | None, Client]) -> None:
    Cluster.objects.filter(code="VIL").update(name=ODD)

    html = clients["viewer"].get("/reports/cluster-overview/?year=2018").content.decode()

    assert ODD not in html
    assert "Lab &lt;b&gt;&amp;&quot;&#x27;&lt;/b&gt; + é/x" in html
    rows = re.findall(r'<tr><td><a href="/clusters/VIL/">VIL</a></td><td>([^<]*)</td>', html)
    assert rows and set(rows) == {"Lab &lt;b&gt;&amp;&quot;&#x27;&lt;/b&gt; + é/x"}


def test_the_dashboard_shows_kpi_status_per_cluster_not_the_kpis_list(
    clients: dict[str | None, Client],
) -> None:
    html = clients["viewer"].get("/years/2018/").content.decode()

    assert 'id="kpi-table-1"' in html and 'id="kpi-table-0"' not in html


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "value",
    [Decimal("-1234567.505"), Decimal("0"), 0, -45250000, 1234567890, Fraction(-1, 8), Fraction(2, 3)],
)
def test_a_figures_texts_need_no_escaping(value: Decimal | int | Fraction, language: str) -> None:
    """`Cell.safe`: _cell_html writes a figure's texts unescaped, which holds while our
    number formats print only digits, signs, separators, `€` and `%`."""
    raw, shown = TableLayout.figure_texts(Mock(texts={}, language=language), value)

    assert (raw, shown) == cell_texts(value, language)
    assert set(raw + shown) <= set("0123456789-.,€ %")
    assert escape(raw) == raw and escape(shown) == shown
