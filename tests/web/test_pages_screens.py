"""Every page in headless Chromium as a logged-in admin, at 1440 px and 390 px wide, in
Dutch and English: a screenshot of each (test-artifacts/<page>-<lang>-<width>.png) and,
at 1440 px, no sideways scroll of the page (wide tables scroll inside their own box); at
both widths no date may wrap and the cluster page's KPI table never overlaps its charts.

PAGES is the list of pages: add yours (name, address; `{cluster}`, `{project}`, `{year}`,
`{allocation}` are filled in from the demo dataset).
"""

from collections.abc import Iterator
from typing import Any

import pytest

from clustermonitor.budget.models import Allocation, Budget
from clustermonitor.clusters.models import Cluster
from clustermonitor.projects.models import Project
from tests.web.test_browser import ARTIFACTS, browser, demo_site, log_in  # noqa: F401

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
WIDTHS = (1440, 390)
READY = {"api-docs": ".swagger-ui .info .title"}  # Swagger UI has read the schema and shows it
SCROLL = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
WRAPPING_DATES = """() => [...document.querySelectorAll('td.date')]
  .filter(td => td.textContent.trim() && getComputedStyle(td).whiteSpace !== 'nowrap').length"""
OVERLAP = """() => {
  const table = document.querySelector('#kpi-table').closest('.table-box').getBoundingClientRect();
  const charts = document.querySelector('.kpi-charts').getBoundingClientRect();
  return !(table.right <= charts.left || charts.right <= table.left
           || table.bottom <= charts.top || charts.bottom <= table.top);
}"""


@pytest.fixture
def admin_page(browser: Any, demo_site: str) -> Iterator[Any]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    log_in(tab, demo_site, "admin")
    yield tab
    tab.goto("about:blank")
    context.close()


def test_every_page_at_both_widths_in_both_languages(admin_page: Any, demo_site: str) -> None:  # noqa: F811
    year = Budget.objects.order_by("-year").values_list("year", flat=True).first()
    ids = {
        "year": year,
        "cluster": Cluster.objects.order_by("code").first().code,  # type: ignore[union-attr]
        "project": Project.objects.order_by("ref").first().ref,  # type: ignore[union-attr]
        "allocation": Allocation.objects.order_by("pk").first().pk,  # type: ignore[union-attr]
    }
    ARTIFACTS.mkdir(exist_ok=True)
    wide = []
    for lang in ("nl", "en"):
        for name, url in PAGES:
            address = url.format(**ids)
            joiner = "&" if "?" in address else "?"
            for width in WIDTHS:
                admin_page.set_viewport_size({"width": width, "height": 900})
                admin_page.goto(f"{demo_site}{address}{joiner}lang={lang}")
                assert admin_page.locator("html").get_attribute("lang") == lang, (name, lang)
                if name in READY:  # pages that finish in the browser: wait for them
                    admin_page.wait_for_selector(READY[name], timeout=60_000)
                admin_page.screenshot(path=str(ARTIFACTS / f"{name}-{lang}-{width}.png"), full_page=True)
                assert admin_page.evaluate(WRAPPING_DATES) == 0, (name, "a date may wrap")
                if name == "cluster":
                    assert not admin_page.evaluate(OVERLAP), ("the KPI table overlaps its charts", width)
                scroll, client = admin_page.evaluate(SCROLL)
                if width == 1440 and scroll > client:
                    wide.append((name, lang, scroll))
    assert not wide, f"pages wider than the screen at 1440 px: {wide}"
