"""The map of Vietnam on the province overview (and, small, on the home
page): each province of an era at its place, a circle sized by its
articles and shaded by its coordination programmes, linking to its page.
Data for an inline SVG (templates/archive/_map.html): no script, no style
attributes, no tiles; the places and the country's shape are built once
from the gazetteer's source package (scripts/build_map.py,
docs/gazetteer.md) and shipped with the code.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

POSITIONS = Path(settings.BASE_DIR) / "fixtures" / "province_map.json"
SHADES = 4  # classes of programmes, above "none"
MIN_RADIUS, MAX_RADIUS = 2.5, 20.0


@cache
def positions() -> dict:
    """The map's size and each province's place, per era (read once)."""
    return json.loads(POSITIONS.read_text(encoding="utf-8"))


@dataclass
class MapPoint:
    label: str
    url: str
    x: float
    y: float
    r: float
    shade: int  # 0: no programme; 1–SHADES: more programmes
    articles: int
    programmes: int


@dataclass
class ProvinceMap:
    title: str
    description: str
    width: int
    height: int
    points: list[MapPoint]
    most_programmes: int


def province_map(rows, *, title: str, query: str = "") -> ProvinceMap | None:
    """`rows`: (province, label, articles, programmes) for each province of
    an era (a post-2025 province at its post-2025 place). Bigger circles
    first, so that smaller ones stay on top; None when no row has a place."""
    data = positions()
    most_articles = max((row[2] for row in rows), default=0)
    most_programmes = max((row[3] for row in rows), default=0)
    points = []
    for province, label, articles, programmes in rows:
        place = data["provinces"].get(province.era, {}).get(province.code)
        if place is None:
            continue
        r = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(articles / most_articles) if articles else MIN_RADIUS
        shade = math.ceil(SHADES * programmes / most_programmes) if programmes else 0
        points.append(MapPoint(label, province.get_absolute_url() + query, place[0], place[1], round(r, 1), shade,
                               articles, programmes))
    if not points:
        return None
    points.sort(key=lambda point: -point.r)
    leader = max(points, key=lambda point: (point.articles, -point.y))
    description = (
        f"{len(points)} tỉnh, thành phố trên bản đồ; vòng tròn lớn theo số bài viết, màu đậm theo số chương "
        f"trình phối hợp. Nhiều bài viết nhất: {leader.label} ({leader.articles})."
    )
    return ProvinceMap(title, description, data["width"], data["height"], points, most_programmes)
