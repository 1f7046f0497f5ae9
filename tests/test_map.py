"""The map of Vietnam: each province of the era at its place, sized by
articles and shaded by programmes, linking to its page; built from shipped
data (no network), in a bounded number of queries."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from archive import maps
from archive.models import Locality
from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]
REPO = Path(__file__).resolve().parent.parent
OVERVIEW = reverse("archive:provinces")


def test_every_province_of_both_eras_has_a_place_inside_the_map():
    data = maps.positions()
    for era, count in (("pre2025", 63), ("post2025", 34)):
        codes = set(Locality.objects.filter(level="province", era=era).values_list("code", flat=True))
        assert len(codes) == count and codes == set(data["provinces"][era]), era
        for x, y in data["provinces"][era].values():
            assert 0 <= x <= data["width"] and 0 <= y <= data["height"]
    # North is up, south down; the west is left: Hà Giang above Cà Mau, Điện Biên left of Quảng Ninh.
    pre = data["provinces"]["pre2025"]
    assert pre["02"][1] < pre["96"][1] and pre["11"][0] < pre["22"][0]
    shape = (REPO / "static" / "map" / "vietnam-communes.svg").read_text()
    assert shape.startswith("<svg") and "vietnamadminunits" in shape
    assert "vietnamadminunits" in json.loads(maps.POSITIONS.read_text())["about"]


@pytest.mark.parametrize("era, provinces", [("", 63 + 34 - 11), ("post2025", 34)])
def test_the_overview_maps_every_province_of_its_era_for_an_empty_archive(client, django_assert_max_num_queries, era,
                                                                          provinces):
    with django_assert_max_num_queries(8):
        response = client.get(OVERVIEW, {"era": era})
    points = response.context["map"].points
    assert len(points) == provinces and {p.r for p in points} == {maps.MIN_RADIUS} and {p.shade for p in points} == {0}
    assert 'class="map-svg"' in response.text and "map/vietnam-communes.svg" in response.text


def test_circles_grow_with_articles_and_darken_with_programmes_and_link_to_the_province(
    client, django_assert_max_num_queries
):
    hue = f.locality("Thừa Thiên Huế", level="province")
    vinh_phuc = f.locality("Vĩnh Phúc", level="province")
    for number in range(30):
        f.article(f"Huế {number}", published_on="2023-01-01", localities=[hue],
                  agreements=[(f"Chương trình {number % 3}", "sign", (2021, 2025))] if number < 3 else [])
    f.article("Vĩnh Phúc", published_on="2023-01-01", localities=[vinh_phuc])
    from archive.models import Agreement

    Agreement.objects.update(locality=hue)
    with django_assert_max_num_queries(8):
        response = client.get(OVERVIEW)
    points = {p.label: p for p in response.context["map"].points}
    huế, vinh = points["Tỉnh Thừa Thiên Huế (nay Thành phố Huế)"], points["Tỉnh Vĩnh Phúc"]
    assert huế.r == maps.MAX_RADIUS and maps.MIN_RADIUS < vinh.r < huế.r
    assert (huế.shade, huế.programmes, vinh.shade) == (maps.SHADES, 3, 0)
    assert huế.url == hue.get_absolute_url()
    today = {p.label: p for p in client.get(OVERVIEW, {"era": "post2025"}).context["map"].points}
    assert today["Tỉnh Phú Thọ (gồm Hòa Bình, Vĩnh Phúc cũ)"].url.endswith("?era=post2025")
    assert f'href="{hue.get_absolute_url()}"' in response.text


def test_the_home_page_shows_a_small_map_linking_to_the_overview(client):
    f.article("Huế", published_on="2023-01-01", localities=[f.locality("Thừa Thiên Huế", level="province")])
    text = client.get(reverse("archive:home")).text
    assert 'class="map map-small"' in text and f'href="{OVERVIEW}"' in text
    assert "map-small" not in client.get(reverse("archive:search"), {"q": "Huế"}).text
