"""Every page in headless Chromium as a logged-in admin, at 1440 px and 390 px wide, in
Dutch and English: a screenshot of each (test-artifacts/<page>-<lang>-<width>.png) and,
at both widths, no sideways scroll of the page (wide tables scroll inside their own box),
no axe-core WCAG 2.1 A/AA violation, no date that may wrap, and the cluster page's KPI
table never over its charts.

PAGES is the list of pages: add yours (name, address; `{cluster}`, `{project}`, `{year}`,
`{allocation}` are filled in from the demo dataset).
"""

from collections.abc import Callable
from typing import Any

import pytest

from clustermonitor.budget.models import Allocation, Budget
from clustermonitor.clusters.models import Cluster
from clustermonitor.projects.models import Project
from tests.web.browsing import LANGUAGES, log_in, problems, require_browser, with_lang

require_browser()
pytestmark = pytest.mark.slow

PAGES: list[tuple[str, str]] = [
    ("dashboard", "/years/{year}/"),
    ("budget-overview", "/reports/budget-overview/?year={year}"),
    ("cluster-overview", "/reports/cluster-overview/?year={year}"),
    ("additional-resources", "/reports/additional-resources/?year={year}"),
    ("pact-resources", "/reports/pact-resources/"),
    ("project-generation", "/reports/project-generation/?year={year}"),
    ("kpi-status", "/reports/kpi-status/?year={year}"),
    ("drill-ledger", "/drill/ledger/?year={year}&measure=committed"),
    ("drill-allocations", "/drill/allocations/?year={year}&measure=allocated"),
    ("drill-projects", "/drill/projects/?year={year}&measure=approved"),
    ("cluster", "/clusters/{cluster}/"),
    ("cluster-edit", "/clusters/{cluster}/edit/"),
    ("cluster-new", "/clusters/new/"),
    ("projects", "/projects/"),
    ("project", "/projects/{project}/"),
    ("project-new", "/projects/new/"),
    ("ledger", "/ledger/"),
    ("book", "/ledger/book/"),
    ("allocate", "/allocations/new/"),
    ("budget", "/budgets/new/"),
    ("kpi-target", "/kpis/target/new/"),
    ("import", "/import/"),
    ("history", "/history/"),
    ("allocation-history", "/history/allocation/{allocation}/"),
    ("users", "/users/"),
    ("user-new", "/users/new/"),
    ("not-found", "/no/such/page/"),
    ("api-docs", "/api/v1/docs/"),
]
READY = {"api-docs": ".swagger-ui .info .title"}  # Swagger UI has read the schema and shows it
WRAPPING_DATES = """() => [...document.querySelectorAll('td.date')]
  .filter(td => td.textContent.trim() && getComputedStyle(td).whiteSpace !== 'nowrap').length"""
OVERLAP = """() => {
  const table = document.querySelector('#kpi-table').closest('.table-box').getBoundingClientRect();
  const charts = document.querySelector('.kpi-charts').getBoundingClientRect();
  return !(table.right <= charts.left || charts.right <= table.left
           || table.bottom <= charts.top || charts.bottom <= table.top);
}"""


@pytest.fixture
def admin_page(tab: Any, demo_site: str) -> Any:
    log_in(tab, demo_site, "admin")
    return tab


def page_checks(name: str) -> Callable[[Any], list[str]]:
    """What else must hold of page `name`: no date may wrap; the cluster page's KPI table
    stays clear of its charts."""

    def more(page: Any) -> list[str]:
        found = ["a date may wrap"] if page.evaluate(WRAPPING_DATES) else []
        if name == "cluster" and page.evaluate(OVERLAP):
            found.append("the KPI table overlaps its charts")
        return found

    return more


def test_every_page_at_both_widths_in_both_languages(admin_page: Any, demo_site: str) -> None:
    year = Budget.objects.order_by("-year").values_list("year", flat=True).first()
    ids = {
        "year": year,
        "cluster": Cluster.objects.order_by("code").first().code,  # type: ignore[union-attr]
        "project": Project.objects.order_by("ref").first().ref,  # type: ignore[union-attr]
        "allocation": Allocation.objects.order_by("pk").first().pk,  # type: ignore[union-attr]
    }
    found: list[str] = []
    for lang in LANGUAGES:
        for name, url in PAGES:
            admin_page.goto(with_lang(f"{demo_site}{url.format(**ids)}", lang))
            assert admin_page.locator("html").get_attribute("lang") == lang, (name, lang)
            if name in READY:  # pages that finish in the browser: wait for them
                admin_page.wait_for_selector(READY[name], timeout=60_000)
            found += problems(admin_page, f"{name}-{lang}", page_checks(name))
    assert not found, "\n".join(found)
