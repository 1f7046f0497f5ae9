import json

import pytest

from archive import gazetteer
from archive.models import Locality

pytestmark = pytest.mark.django_db


def test_every_unit_of_the_file_is_loaded():
    units = json.loads(gazetteer.DEFAULT_PATH.read_text())["units"]
    assert Locality.objects.count() == len(units)
    assert Locality.objects.filter(era="pre2025", level="province").count() == 63
    assert Locality.objects.filter(era="post2025", level="province").count() == 34


def test_pre_reform_units_link_to_their_successor_province():
    vinh_tuong = Locality.objects.get(era="pre2025", level="district", code="252")
    assert vinh_tuong.name == "Vĩnh Tường"
    assert vinh_tuong.province.name == "Vĩnh Phúc"
    assert vinh_tuong.successor.name == "Phú Thọ"
    assert vinh_tuong.successor.era == "post2025"


def test_name_clashes_get_distinct_readable_slugs():
    hue = Locality.objects.get(era="pre2025", level="district", code="476")
    can_tho = Locality.objects.get(era="pre2025", level="district", code="926")
    assert hue.slug == "phong-dien-thua-thien-hue"
    assert can_tho.slug == "phong-dien-can-tho"


def test_loading_twice_changes_nothing():
    before = dict(Locality.objects.values_list("slug", "pk"))
    gazetteer.load()
    assert dict(Locality.objects.values_list("slug", "pk")) == before


def test_a_broken_file_is_reported_by_name(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(gazetteer.GazetteerError, match="broken.json"):
        gazetteer.load(path)


def test_if_needed_skips_a_loaded_gazetteer_and_loads_a_missing_one(capsys):
    from django.core.management import call_command

    call_command("load_gazetteer", "--if-needed")
    assert "already loaded" in capsys.readouterr().out
    Locality.objects.filter(era="post2025", level="commune").delete()
    call_command("load_gazetteer", "--if-needed")
    assert "localities loaded" in capsys.readouterr().out
    assert Locality.objects.filter(era="post2025", level="commune").exists()


def test_loading_leaves_the_planner_statistics_of_what_it_loaded():
    """Loaded into an empty table, the gazetteer is not planned as empty:
    joins to it once took seconds until autovacuum analysed it."""
    from django.db import connection

    Locality.objects.all()._raw_delete(Locality.objects.db)  # undone with the test's transaction
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_locality")
        gazetteer.load()
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'archive_locality'::regclass")
        assert cursor.fetchone()[0] == Locality.objects.count()
