"""The stored search vectors of an article: what models.py imports from search.

- folding: the text-search configuration ``archive_folded`` is 'simple' with the
  ``unaccent`` dictionary in front (archive/sql/search.sql). "Trần", "tran",
  NFD "Trần", "Ðảng" with a look-alike Ð all become the lexemes 'tran', 'dang'.
  Matching uses the folded vector and the folded query; the headline uses the
  same config, so "tran" highlights "Trần" in the original text.
- exact forms: ``archive_canonical(text)`` (SQL, IMMUTABLE) lower-cases,
  NFC-normalises and moves tones to the archive's old-style place (hoà → hòa,
  uỷ → ủy), like ``archive.text.normalize`` does in Python.

Three stored vectors on Article (GeneratedField, see models.py):
``search_vector`` (folded; title A, body C; GIN index) matches the words typed
without diacritics, whatever their spelling in the text; ``search_exact``
(the same in the exact forms; GIN index) matches the words typed with
diacritics, "Đảng" and not "đang"; ``search_rank`` (title A + first LEAD_CHARS
of body B, both exact and folded, small enough to stay cheap) does most of
the ranking.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import Func, TextField
from django.db.models.functions import Left

FOLDED = "archive_folded"  # 'simple' + unaccent: vector, query and headline
EXACT = "simple"  # over archive_canonical(): the exact-form ranking lexemes

# How much of the body goes into the small ranking vector: small enough that
# the vector stays in the row (not TOASTed), so ranking a window of 2,000
# broad matches reads little. Headlines look further.
LEAD_CHARS = 400
# to_tsvector refuses documents over 1 MB of lexemes, and positions stop at
# 16,383 anyway: index the first 100,000 characters of a (rare) huge body.
BODY_CHARS = 100_000


class Canonical(Func):
    """archive_canonical(text): lower case, NFC, old-style tone placement."""

    function = "archive_canonical"
    output_field = TextField()


def folded_vector():
    """Expression of Article.search_vector (matching)."""
    return SearchVector("title", config=FOLDED, weight="A") + SearchVector(
        Left("body", BODY_CHARS), config=FOLDED, weight="C"
    )


def exact_vector():
    """Expression of Article.search_exact (matching the words typed with
    diacritics): title A and body C, like the folded vector, in the exact
    forms, so the same words stand at the same positions in both."""
    return SearchVector(Canonical("title"), config=EXACT, weight="A") + SearchVector(
        Canonical(Left("body", BODY_CHARS)), config=EXACT, weight="C"
    )


def rank_vector():
    """Expression of Article.search_rank: title and lead, exact and folded."""
    lead = Left("body", LEAD_CHARS)
    return (
        SearchVector(Canonical("title"), config=EXACT, weight="A")
        + SearchVector(Canonical(lead), config=EXACT, weight="B")
        + SearchVector("title", config=FOLDED, weight="A")
        + SearchVector(lead, config=FOLDED, weight="B")
    )
