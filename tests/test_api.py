"""The read-only JSON API: pages with limits, stable order, next/previous
links, the search page's filters, details, 404s, bounded queries, and the
served OpenAPI description matching the real responses."""

import json

import pytest

from archive import api
from archive.models import Agreement, Organisation
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    hue = f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    vinh_tuong = f.locality("Vĩnh Tường", province="Vĩnh Phúc")
    for number in range(25):
        f.article(f"Dân vận Phong Điền {number}", "Công tác dân vận.", published_on=f"2020-01-{number + 1:02d}",
                  localities=[phong_dien], officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")],
                  periods=[(2021, 2025)])
    f.article("Vĩnh Tường ký kết", "Ký kết dân vận.", published_on="2022-04-05", localities=[vinh_tuong],
              officials=[("Lê Văn Hùng", "Chủ tịch UBND huyện")],
              agreements=[("Chương trình Vĩnh Tường", "sign", (2022, 2026))],
              organisations=[("Ban Dân vận Huyện ủy Vĩnh Tường", "mass_mobilisation_commission")])
    agreement = Agreement.objects.get(name="Chương trình Vĩnh Tường")
    Agreement.objects.filter(pk=agreement.pk).update(locality=vinh_tuong, level="district")
    agreement.parties.add(Organisation.objects.get(name="Ban Dân vận Huyện ủy Vĩnh Tường"))
    return {"hue": hue, "agreement": agreement}


def get(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_article_pages_link_to_each_other_and_cover_every_row_once(client, corpus):
    data = get(client, "/api/articles/", {"province": "thua-thien-hue", "page_size": "10"})
    assert data["count"] == 25 and not data["count_capped"] and data["previous"] is None
    seen = [row["id"] for row in data["results"]]
    while data["next"]:
        assert data["next"].startswith("http://testserver/api/articles/?province=thua-thien-hue")
        data = get(client, data["next"])
        seen += [row["id"] for row in data["results"]]
    assert len(seen) == len(set(seen)) == 25
    assert data["page"] == 3 and data["previous"].endswith("page=2")


def test_articles_take_the_search_pages_filters(client, corpus):
    assert get(client, "/api/articles/", {"q": "vinh tuong"})["count"] == 1
    assert get(client, "/api/articles/", {"official": "le-van-hung"})["results"][0]["title"] == "Vĩnh Tường ký kết"
    assert get(client, "/api/articles/", {"period": "2021-2025", "year": "2020"})["count"] == 25
    # Today's Phú Thọ took in Vĩnh Phúc; as written (the default), it is the post-2025 units only.
    assert get(client, "/api/articles/", {"province": "phu-tho-tinh", "era": "post2025"})["count"] == 1
    assert get(client, "/api/articles/", {"province": "phu-tho-tinh"})["count"] == 0
    assert get(client, "/api/articles/", {"province": "nowhere"})["count"] == 26  # unknown values dropped


def test_page_size_is_capped_and_a_bad_page_is_a_404(client, corpus):
    assert get(client, "/api/articles/", {"page_size": "1000"})["page_size"] == api.MAX_PAGE_SIZE
    assert get(client, "/api/articles/", {"page_size": "abc"})["page_size"] == api.DEFAULT_PAGE_SIZE
    for page in ["0", "9", "x"]:
        assert get(client, "/api/articles/", {"page": page}, status=404) == {"detail": "Không có trang này"}


def test_article_detail_has_body_facts_and_links(client, corpus):
    row = get(client, "/api/articles/", {"q": "vinh tuong"})["results"][0]
    assert "body" not in row
    data = get(client, row["api_url"])
    assert data["body"] == "Ký kết dân vận." and data["url"] == f"http://testserver/bai-viet/{row['id']}/"
    assert data["localities"] == [{"slug": "vinh-tuong-vinh-phuc", "name": "Huyện Vĩnh Tường (Vĩnh Phúc)",
                                   "level": "district", "era": "pre2025"}]
    assert data["officials"] == [{"slug": "le-van-hung", "name": "Lê Văn Hùng", "title": "Chủ tịch UBND huyện"}]
    assert data["agreements"][0]["kind"] == "sign"
    assert get(client, "/api/articles/999999/", status=404)["detail"]


def test_officials_localities_and_agreements(client, corpus):
    officials = get(client, "/api/officials/", {"q": "tran thi"})["results"]
    assert [o["slug"] for o in officials] == ["tran-thi-dieu-minh"]
    assert get(client, "/api/officials/", {"province": "vinh-phuc"})["count"] == 0  # roles carry no place here
    detail = get(client, "/api/officials/tran-thi-dieu-minh/")
    assert len(detail["roles"]) == 25 and detail["roles"][0]["title"] == "Trưởng Ban Dân vận Huyện ủy"
    districts = get(client, "/api/localities/", {"province": "thua-thien-hue", "level": "district", "page_size": "100"})
    assert "phong-dien-thua-thien-hue" in [d["slug"] for d in districts["results"]]
    assert all(d["province"] == "thua-thien-hue" for d in districts["results"])
    hue = get(client, "/api/localities/thua-thien-hue/")
    assert hue["successor"] == "hue" and hue["level"] == "province"
    agreements = get(client, "/api/agreements/", {"period": "2022-2026", "party": "mass_mobilisation_commission"})
    assert [a["name"] for a in agreements["results"]] == ["Chương trình Vĩnh Tường"]
    assert agreements["results"][0]["locality"]["slug"] == "vinh-tuong-vinh-phuc"
    assert get(client, "/api/agreements/", {"province": "thua-thien-hue"})["count"] == 0
    detail = get(client, f"/api/agreements/{corpus['agreement'].pk}/")
    assert detail["articles"][0]["kind"] == "sign"
    assert [party["name"] for party in detail["parties"]] == ["Ban Dân vận Huyện ủy Vĩnh Tường"]


def test_list_query_count_does_not_depend_on_the_page_size(client, corpus, django_assert_num_queries):
    # the province lookup, the provinces of both eras (archive.scopes.Provinces),
    # the estimate, count, page, and one prefetch each for places, roles,
    # periods; the time budget's savepoint and release (inside the test's transaction)
    with django_assert_num_queries(10):
        get(client, "/api/articles/", {"province": "thua-thien-hue", "page_size": "100"})
    with django_assert_num_queries(3):  # count, page, parties
        get(client, "/api/agreements/", {"page_size": "100"})


def test_index_lists_the_endpoints(client, corpus):
    data = get(client, "/api/")
    assert data["articles"] == "http://testserver/api/articles/" and data["openapi"].endswith("/api/openapi.json")


def _properties(schema, components) -> set:
    if "$ref" in schema:
        return _properties(components[schema["$ref"].rsplit("/", 1)[1]], components)
    if "allOf" in schema:
        return set().union(*(_properties(part, components) for part in schema["allOf"]))
    return set(schema.get("properties", {}))


def test_openapi_description_matches_the_responses(client, corpus):
    spec = get(client, "/api/openapi.json")
    components = spec["components"]["schemas"]
    samples = {
        "/api/articles/": "/api/articles/", "/api/officials/": "/api/officials/",
        "/api/localities/": "/api/localities/?level=province", "/api/agreements/": "/api/agreements/",
    }
    for path, url in samples.items():
        data = get(client, url)
        schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert set(data) == set(schema["properties"]), path
        assert set(data["results"][0]) == _properties(schema["properties"]["results"]["items"], components), path
        detail_path = next(p for p in spec["paths"] if p.startswith(path) and p != path)
        detail = get(client, data["results"][0]["api_url"])
        detail_schema = spec["paths"][detail_path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert set(detail) == _properties(detail_schema, components), detail_path
    assert json.loads(api.OPENAPI.read_text(encoding="utf-8")) == spec
