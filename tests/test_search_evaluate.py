import json
from io import StringIO

import pytest
from django.core.management import call_command

from archive.models import Article


@pytest.mark.django_db
def test_evaluate_search_prints_mrr_and_misses_and_leaves_the_database_alone(tmp_path):
    queries = tmp_path / "queries.json"
    queries.write_text(json.dumps([
        {"q": "tran thi dieu minh", "expected": ["001_d69ba35cc339d1c2"]},
        {"q": "Kon Tum", "expected": ["no_such_article"]},
    ]), encoding="utf-8")
    out = StringIO()
    sets = tmp_path / "sets.json"
    sets.write_text(json.dumps([
        {"q": "Trần Thị Diệu Minh", "relevant": ["001_d69ba35cc339d1c2"]},
        {"q": "ky ket", "relevant": ["000_fea346a075c43873", "no_such_article"]},
    ]), encoding="utf-8")
    out = StringIO()
    call_command("evaluate_search", "fixtures/articles", "--queries", str(queries), "--sets", str(sets), stdout=out)
    assert "MISS  'Kon Tum': expected no_such_article; rank -; top 002_054d4c0633b05464" in out.getvalue()
    assert "2 queries, 1 with the expected articles on top, MRR 0.500" in out.getvalue()
    assert "with diacritics: 1 queries, precision 1.000, recall 1.000, MRR 1.000" in out.getvalue()
    assert "without diacritics: 1 queries, precision" in out.getvalue()
    assert "recall 0.500" in out.getvalue()
    assert Article.objects.count() == 0
