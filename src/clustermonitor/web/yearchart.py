"""The dashboard at a glance: the year's headline figures and the line of cumulative
commitments month by month against the budget, as inline SVG geometry (no JavaScript).

Only presentation: the figures come from budget-overview (`report["total"]`) and
`reports.monthly.commitments_by_month`; here they become percentages and coordinates
(Decimal until the integer pixel).
"""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

from clustermonitor.web.templatetags.web import money, number

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 96, 16, 14, 30
TICKS = 4
MILLION = Decimal(1_000_000)


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    """`part` as a percentage of `whole`, one decimal (None without a whole)."""
    if not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def headline(total: dict[str, Any]) -> dict[str, Any]:
    """Budget, committed (with its share of the budget), paid and available of the year."""
    budget, committed = Decimal(total["budget"]), Decimal(total["committed"])
    return {
        "budget": budget,
        "committed": committed,
        "committed_share": share(committed, budget),
        "paid": Decimal(total["paid"]),
        "available": Decimal(total["available"]),
    }


def _pixel(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def month_chart(months: list[dict[str, Any]], budget: Decimal) -> dict[str, Any]:
    """The polyline of cumulative commitments, the budget line, the axes' ticks and the
    table that says the same in words."""
    values = [Decimal(m["cumulative"]) for m in months]
    high = max([budget, *values, Decimal(0)])
    low = min([*values, Decimal(0)])
    span = (high - low) or Decimal(1)
    inner_w, inner_h = Decimal(WIDTH - LEFT - RIGHT), Decimal(HEIGHT - TOP - BOTTOM)

    def y(value: Decimal) -> int:
        return _pixel(TOP + inner_h - (value - low) * inner_h / span)

    def x(index: int) -> int:
        return _pixel(LEFT + inner_w * index / (len(months) - 1))

    points = [
        {"x": x(i), "y": y(v), "value": v, "month": MONTHS_3[m["month"]]}
        for i, (m, v) in enumerate(zip(months, values, strict=True))
    ]
    ticks = [low + span * i / TICKS for i in range(TICKS + 1)]
    rows = [
        {
            "month": str(MONTHS_3[m["month"]]),
            "committed": m["committed"],
            "cumulative": m["cumulative"],
            "share": share(Decimal(m["cumulative"]), budget),
        }
        for m in months
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM,
        "top": TOP,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "points": points,
        "budget_y": y(budget),
        "budget": budget,
        "ticks": [{"y": y(t), "label": _millions(t)} for t in ticks],
        "rows": rows,
        "last": rows[-1] if rows else None,
        "summary": _("Committed by December: %(committed)s of a budget of %(budget)s.")
        % {"committed": money(values[-1] if values else 0), "budget": money(budget)},
    }


def _millions(value: Decimal) -> str:
    return _("€ %(millions)s mln") % {"millions": number(value / MILLION, 1)}
