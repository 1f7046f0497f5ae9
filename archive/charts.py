"""Bar charts as data for an inline SVG template: no script, no style
attributes (the Content-Security-Policy forbids both), nothing fetched.

Plain Python over numbers; the database queries that feed these live in
archive/stats.py, the markup in templates/archive/_chart_*.html. Each chart
carries its rows too, so the template can add a data table beside the SVG.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10^k at or above `value` (at least 1): a
    round top for an axis."""
    if value <= 1:
        return 1
    power = 10 ** int(math.floor(math.log10(value)))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


@dataclass
class Column:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    url: str = ""
    selected: bool = False
    show_label: bool = True

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass
class Tick:
    value: int
    y: float


@dataclass
class ColumnChart:
    """Vertical bars over an axis of labels (years)."""

    title: str
    description: str
    columns: list[Column]
    ticks: list[Tick]
    width: int
    height: int
    plot_top: int
    plot_bottom: int
    plot_left: int
    partial: bool = False  # counted over a capped sample of the results

    @property
    def total(self) -> int:
        return sum(c.value for c in self.columns)


PLOT_HEIGHT = 140
TOP, BOTTOM, LEFT, RIGHT = 12, 24, 44, 8


def year_columns(
    counts: dict[int, int], *, title: str, urls: dict[int, str] | None = None,
    selected: set[int] | frozenset = frozenset(), partial: bool = False,
) -> ColumnChart | None:
    """A column per year from the first to the last year in `counts` (years
    without articles get an empty column, so gaps show). None when empty."""
    counts = {year: n for year, n in counts.items() if year is not None}
    if not counts:
        return None
    years = list(range(min(counts), max(counts) + 1))
    top = nice_ceiling(max(counts.values()))
    slot = max(10.0, min(40.0, 640 / len(years)))
    bar = max(6.0, slot * 0.75)
    label_every = 1 if slot >= 32 else (2 if slot >= 18 else 5)
    columns = []
    for index, year in enumerate(years):
        value = counts.get(year, 0)
        height = round(PLOT_HEIGHT * value / top, 1)
        columns.append(Column(
            label=str(year), value=value, x=round(LEFT + index * slot + (slot - bar) / 2, 1),
            y=round(TOP + PLOT_HEIGHT - height, 1), width=round(bar, 1), height=height,
            url=(urls or {}).get(year, ""), selected=year in selected,
            show_label=year % label_every == 0 or len(years) == 1,
        ))
    ticks = [Tick(value, round(TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top, 1)) for value in (0, top // 2, top)]
    if top == 1:
        ticks = [ticks[0], ticks[2]]
    first, last = years[0], years[-1]
    description = (
        f"{sum(counts.values())} bài viết từ {first} đến {last}; nhiều nhất năm "
        f"{max(counts, key=lambda y: (counts[y], -y))} ({max(counts.values())} bài)."
    )
    return ColumnChart(
        title=title, description=description, columns=columns, ticks=ticks,
        width=int(LEFT + len(years) * slot + RIGHT), height=TOP + PLOT_HEIGHT + BOTTOM,
        plot_top=TOP, plot_bottom=TOP + PLOT_HEIGHT, plot_left=LEFT, partial=partial,
    )


@dataclass
class Cell:
    value: int
    x: float
    width: float

    @property
    def text_x(self) -> float:
        return round(self.x + self.width + 4, 1)


@dataclass
class Row:
    label: str
    url: str
    y: float
    cells: list[Cell] = field(default_factory=list)

    @property
    def text_y(self) -> float:
        return round(self.y + ROW_HEIGHT * 0.6, 1)


@dataclass
class Panel:
    title: str
    x: float
    maximum: int


@dataclass
class RowChart:
    """Horizontal bars, one row per item, one panel per series (each panel
    on its own scale, with the numbers written at the end of the bars)."""

    title: str
    description: str
    panels: list[Panel]
    rows: list[Row]
    width: int
    height: int

    @property
    def header_y(self) -> int:
        return HEADER - 6


ROW_HEIGHT, ROW_GAP, HEADER = 14, 4, 22
LABEL_WIDTH, PANEL_WIDTH, PANEL_BAR, PANEL_GAP = 190, 250, 200, 20


def bar_rows(items: list[tuple[str, str, tuple[int, ...]]], series: list[str], *, title: str) -> RowChart | None:
    """`items` are (label, url, values) in the order to show; `series` names
    the values. None when there is nothing to show."""
    if not items:
        return None
    maxima = [max(values[i] for _, _, values in items) for i in range(len(series))]
    panels = [
        Panel(name, LABEL_WIDTH + i * (PANEL_WIDTH + PANEL_GAP), maximum)
        for i, (name, maximum) in enumerate(zip(series, maxima))
    ]
    rows = []
    for index, (label, url, values) in enumerate(items):
        y = HEADER + index * (ROW_HEIGHT + ROW_GAP)
        cells = [
            Cell(value, panel.x, round(PANEL_BAR * value / panel.maximum, 1) if panel.maximum else 0.0)
            for value, panel in zip(values, panels)
        ]
        rows.append(Row(label, url, y, cells))
    totals = ", ".join(f"{name}: {sum(v[i] for _, _, v in items)}" for i, name in enumerate(series))
    leader = max(items, key=lambda item: item[2][0])
    description = f"{len(items)} mục. Tổng {totals}. Nhiều bài viết nhất: {leader[0]} ({leader[2][0]})."
    return RowChart(
        title=title, description=description, panels=panels, rows=rows,
        width=LABEL_WIDTH + len(series) * (PANEL_WIDTH + PANEL_GAP),
        height=HEADER + len(items) * (ROW_HEIGHT + ROW_GAP) + 4,
    )
