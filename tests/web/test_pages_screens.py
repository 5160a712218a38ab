"""Every page in headless Chromium as a logged-in admin, at 1440 px and 390 px wide, in
Dutch and English: a screenshot of each (test-artifacts/<page>-<lang>-<width>.png) and,
at both widths, no sideways scroll of the page (wide tables scroll inside their own box),
no axe-core WCAG 2.1 A/AA violation, no date that may wrap, and the cluster page's KPI
table never over its charts.

PAGES is the list of pages: add yours (name, address; `{cluster}`, `{project}`, `{year}`,
`{allocation}` are filled in from the demo dataset).
"""

from typing import Any

import pytest

from clustermonitor.budget.models import Allocation, Budget
from clustermonitor.clusters.models import Cluster
from clustermonitor.projects.models import Project
from tests.web.browsing import (
    LANGUAGES,
    WIDTHS,
    log_in,
    require_browser,
    shot,
    sideways,
    violations,
    with_lang,
)

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


def problems_of(page: Any, name: str, width: int) -> list[str]:
    found = [f"{name} at {width}: {v}" for v in violations(page)]
    if wider := sideways(page):
        found.append(f"{name} at {width}: {wider} px wider than the window")
    if page.evaluate(WRAPPING_DATES):
        found.append(f"{name} at {width}: a date may wrap")
    if name == "cluster" and page.evaluate(OVERLAP):
        found.append(f"{name} at {width}: the KPI table overlaps its charts")
    return found


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
            for width in WIDTHS:
                admin_page.set_viewport_size({"width": width, "height": 900})
                shot(admin_page, f"{name}-{lang}-{width}")
                found += problems_of(admin_page, f"{name} ({lang})", width)
            admin_page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    assert not found, "\n".join(found)
