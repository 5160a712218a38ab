"""A grouped bar chart as inline SVG geometry (no JavaScript, no build step).

Only presentation: the bars' lengths are proportional to the report's figures, each bar
carries its value as text, and an axis below the bars marks 0, half and the largest
figure. A missing figure (None) has no bar (and says so), never a bar of length zero.
"""

from decimal import Decimal
from typing import Any

WIDTH, BAR, GAP, LABEL = 720, 14, 10, 200
VALUES = 140  # room right of the longest bar for its value
SERIES = (("budget", "#1f4e79"), ("allocated", "#5b8fc7"), ("committed", "#c0504d"), ("paid", "#8a9a5b"))


def bar_chart(
    rows: list[dict[str, Any]],
    label_key: str,
    labels: dict[str, str],
    series: tuple[tuple[str, str], ...] = SERIES,
    label_width: int = LABEL,
) -> dict[str, Any]:
    """Rows of figures → groups of horizontal bars, one per series, scaled to the largest."""
    largest = max(
        (abs(Decimal(row[key])) for row in rows for key, _ in series if row.get(key) is not None),
        default=Decimal(0),
    )
    span = WIDTH - label_width - VALUES
    scale = Decimal(span) / largest if largest else Decimal(0)
    groups, y = [], 0
    for row in rows:
        bars = []
        for i, (key, colour) in enumerate(series):
            value = None if row.get(key) is None else Decimal(row[key])
            width = int(max(value, Decimal(0)) * scale) if value is not None else 0
            bars.append(
                {
                    "key": key,
                    "label": labels.get(key, key),
                    "value": value,
                    "width": width,
                    "y": y + i * BAR,
                    "text_x": label_width + width + 4,
                    "colour": colour,
                }
            )
        groups.append({"label": labels.get(str(row[label_key]), str(row[label_key])), "y": y, "bars": bars})
        y += len(series) * BAR + GAP
    ticks = [
        {"x": label_width + int(span * share), "value": largest * share}
        for share in (Decimal(0), Decimal("0.5"), Decimal(1))
    ]
    return {
        "groups": groups,
        "height": y,
        "width": WIDTH,
        "label_width": label_width,
        "axis_y": y,
        "axis_end": label_width + span,
        "ticks": ticks if largest else ticks[:1],
        "legend": [{"label": labels.get(k, k), "colour": c} for k, c in series],
    }
