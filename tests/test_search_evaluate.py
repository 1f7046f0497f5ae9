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
    call_command("evaluate_search", "fixtures/articles", "--queries", str(queries), stdout=out)
    assert "MISS  'Kon Tum': expected no_such_article; rank -; top 002_054d4c0633b05464" in out.getvalue()
    assert "2 queries, 1 with the expected articles on top, MRR 0.500" in out.getvalue()
    assert Article.objects.count() == 0
