"""An official's titles over the years, by place, as data for an inline SVG
(templates/archive/_chart_roles.html): one row per title held in a place, a
bar from the first year it was seen to the last, a mark for each year with
the number of articles. No script, no style attributes (the CSP forbids
both); plain Python over the roles a page has read already.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ROWS = 20
LABEL_WIDTH, YEAR_WIDTH, ROW_HEIGHT, TOP, BOTTOM, RIGHT = 300, 44, 24, 8, 26, 12


@dataclass
class Mark:
    year: int
    articles: int
    x: float


@dataclass
class RoleRow:
    title: str
    place: str
    first: int
    last: int
    y: float
    x: float
    width: float
    marks: list[Mark] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.title} · {self.place}" if self.place else self.title

    @property
    def text_y(self) -> float:
        return round(self.y + ROW_HEIGHT * 0.65, 1)

    @property
    def bar_y(self) -> float:
        return round(self.y + ROW_HEIGHT * 0.3, 1)

    @property
    def mark_y(self) -> float:
        return round(self.y + ROW_HEIGHT * 0.5, 1)


@dataclass
class YearTick:
    year: int
    x: float


@dataclass
class RoleChart:
    title: str
    description: str
    rows: list[RoleRow]
    years: list[YearTick]
    width: int
    height: int
    axis_y: int
    more: int = 0  # rows left out past MAX_ROWS


def role_timeline(roles, *, title: str) -> RoleChart | None:
    """`roles`: (title, place label, year) for each dated role seen (an
    undated one is left out). A row per (title, place), rows in the order
    first seen; None when no role has a year."""
    spans: dict[tuple[str, str], dict[int, int]] = {}
    for role_title, place, year in roles:
        if year is None or not role_title:
            continue
        years = spans.setdefault((role_title, place or ""), {})
        years[year] = years.get(year, 0) + 1
    if not spans:
        return None
    order = sorted(spans, key=lambda key: (min(spans[key]), max(spans[key]), key))
    shown, more = order[:MAX_ROWS], max(len(order) - MAX_ROWS, 0)
    first = min(min(spans[key]) for key in shown)
    last = max(max(spans[key]) for key in shown)

    def x_of(year: int) -> float:
        return LABEL_WIDTH + (year - first) * YEAR_WIDTH

    rows = []
    for index, key in enumerate(shown):
        years = spans[key]
        start, end = min(years), max(years)
        rows.append(RoleRow(
            title=key[0], place=key[1], first=start, last=end, y=TOP + index * ROW_HEIGHT,
            x=round(x_of(start) + 4, 1), width=round((end - start) * YEAR_WIDTH + YEAR_WIDTH - 8, 1),
            marks=[Mark(year, n, round(x_of(year) + YEAR_WIDTH / 2, 1)) for year, n in sorted(years.items())],
        ))
    axis_y = TOP + len(rows) * ROW_HEIGHT + 4
    description = f"{len(order)} chức danh theo nơi, từ {first} đến {last}." + (
        f" Hiện {MAX_ROWS} chức danh đầu." if more else ""
    )
    return RoleChart(
        title=title, description=description, rows=rows,
        years=[YearTick(year, round(x_of(year) + YEAR_WIDTH / 2, 1)) for year in range(first, last + 1)],
        width=int(LABEL_WIDTH + (last - first + 1) * YEAR_WIDTH + RIGHT), height=axis_y + BOTTOM,
        axis_y=axis_y, more=more,
    )
