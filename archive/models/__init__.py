"""The archive's data: articles, the facts extracted from them, and the
entities those facts point at (localities, officials, organisations,
agreements, periods, documents).

Facts about an article (which localities, which officials with which title,
which agreements…) are rows of `Fact` subclasses. Each row records where it came
from (`origin`) and whether a curator removed it (`hidden`), so that a re-import
replaces only what the importer itself wrote and never what a curator changed.

The models live in four modules: `entities` (what facts point at), `articles`,
`facts` and `derived` (rows Postgres keeps from the facts).
"""

from archive.models.articles import Article, ArticleQuerySet, ImportRun, content_hash
from archive.models.derived import ArticleFacetKeys, ArticleKey, ArticlePlace, DataVersion, FacetCount, KeyTotal
from archive.models.entities import (
    Agreement,
    Document,
    Locality,
    MergeRecord,
    Official,
    Organisation,
    Period,
    unique_slug,
)
from archive.models.facts import (
    FACT_MODELS,
    ArticleAgreement,
    ArticleLocality,
    ArticleOrganisation,
    ArticlePeriod,
    Citation,
    Fact,
    FactQuerySet,
    Role,
)

__all__ = [
    "FACT_MODELS", "Agreement", "Article", "ArticleAgreement", "ArticleFacetKeys", "ArticleKey", "ArticleLocality",
    "ArticleOrganisation", "ArticlePeriod", "ArticlePlace", "ArticleQuerySet", "Citation", "DataVersion", "Document",
    "FacetCount",
    "Fact", "FactQuerySet", "ImportRun", "KeyTotal", "Locality", "MergeRecord", "Official", "Organisation", "Period",
    "Role",
    "content_hash", "unique_slug",
]
