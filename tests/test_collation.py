"""Vietnamese alphabetical order (archive.collation), in Python and in the
database, on the issue's examples and on every name of the gazetteer."""

import random
from pathlib import Path

import pytest
from django.db import connection

from archive.collation import sort_key, sql_function
from archive.models import Locality, Official

# ICU 72's "vi" collator (PyICU, and `COLLATE "vi-x-icu"` on PostgreSQL 15)
# puts these in this order; recorded here because neither is installed everywhere.
ICU_VI_ORDER = [
    "a", "à", "ả", "ã", "á", "ạ", "Anh", "Ánh", "Az", "Ăn", "Âm", "Da", "Dz", "Đa", "H'Hen Niê", "Hoa", "Hoà",
    "hòa", "Hòa", "Hóa", "Ksor Phước Hà", "Lub", "Lưa", "Lưu Công Vinh", "Lý Thị", "Lý Thị Vinh", "Ly Thu",
    "Nguyễn Đức Tuy", "Nguyễn Xuân Phúc", "Oz", "Ô", "Ơ", "Quận 1", "Quận 10", "Quận 2", "Ưa", "Va", "Y Ngọc",
]


def ordered(names):
    return sorted(names, key=sort_key)


def test_the_issues_examples_sort_as_a_vietnamese_reader_expects():
    assert ordered(["Lý Thị Vinh", "Lưu Công Vinh"]) == ["Lưu Công Vinh", "Lý Thị Vinh"]
    assert ordered(["Nguyễn Xuân Phúc", "Nguyễn Đức Tuy"]) == ["Nguyễn Đức Tuy", "Nguyễn Xuân Phúc"]


def test_the_alphabet_is_in_its_order():
    letters = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()
    assert ordered(reversed(letters)) == letters
    assert ordered([letter.upper() for letter in reversed(letters)]) == [letter.upper() for letter in letters]


def test_tone_marks_count_only_between_equal_letters():
    # none, huyền, hỏi, ngã, sắc, nặng
    assert ordered(["ạ", "á", "ã", "ả", "à", "a"]) == ["a", "à", "ả", "ã", "á", "ạ"]
    # the letters decide first: "Lý Thị Vinh" < "Ly Thu" (i < u), whatever the tones
    assert ordered(["Ly Thu", "Lý Thị Vinh", "Lý Thị"]) == ["Lý Thị", "Lý Thị Vinh", "Ly Thu"]


def test_the_order_is_icus_vietnamese_order():
    shuffled = ICU_VI_ORDER[:]
    random.Random(7).shuffle(shuffled)
    assert ordered(shuffled) == ICU_VI_ORDER


def test_decomposed_text_sorts_as_composed():
    assert sort_key("Nguye\u0302\u0303n") == sort_key("Nguyễn")


def test_the_sql_file_is_the_python_table():
    path = Path(__file__).resolve().parents[1] / "archive" / "sql" / "collation.sql"
    assert path.read_text(encoding="utf-8") == sql_function()


@pytest.mark.django_db
def test_the_database_key_is_the_python_key_for_every_gazetteer_name():
    names = sorted(set(Locality.objects.values_list("name", flat=True)) | set(ICU_VI_ORDER))
    assert len(names) > 5000
    with connection.cursor() as cursor:
        cursor.execute("SELECT n, archive_sort_key(n) FROM unnest(%s::text[]) AS n", [names])
        keys = dict(cursor.fetchall())
    assert {name: sort_key(name) for name in names} == keys


@pytest.mark.django_db
def test_lists_ordered_by_sort_name_are_in_vietnamese_order():
    for name in ["Lý Thị Vinh", "Nguyễn Xuân Phúc", "Lưu Công Vinh", "Nguyễn Đức Tuy"]:
        Official.objects.create(name=name)
    assert list(Official.objects.values_list("name", flat=True)) == [
        "Lưu Công Vinh", "Lý Thị Vinh", "Nguyễn Đức Tuy", "Nguyễn Xuân Phúc",
    ]


@pytest.mark.django_db
def test_the_key_agrees_with_the_servers_icu_collation_where_there_is_one():
    """The machine's PostgreSQL 15 has ICU (the embedded 18 is built
    without it): there, the whole gazetteer sorts alike both ways."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_collation WHERE collname = 'vi-x-icu'")
        if not cursor.fetchone()[0]:
            pytest.skip("this PostgreSQL has no ICU collations (the embedded server is built without ICU)")
        cursor.execute('SELECT name FROM (SELECT DISTINCT name FROM archive_locality) AS n ORDER BY name COLLATE "vi-x-icu"')
        by_icu = [name for (name,) in cursor.fetchall()]
    assert ordered(by_icu) == by_icu
