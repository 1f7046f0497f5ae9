"""The review queue: articles whose extracted facts a curator should check.

An article is in the queue while it is pending and at least one of these holds:
- the extractor warned that a locality name was ambiguous;
- its date is inferred (year guessed) or unknown;
- an official is named without a title;
- an organisation it names is of unknown kind ("other").

The reasons are computed in SQL as boolean annotations, so the admin can both
filter on them and show them per row without a query per article.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet, TextField
from django.db.models.functions import Cast

from archive.models import Article, ArticleOrganisation, Organisation, Role

AMBIGUOUS_LOCALITY = "ambiguous locality"

# name of the annotation -> label shown to curators
REASONS = {
    "review_locality": "Địa phương chưa rõ",
    "review_date": "Ngày suy ra hoặc không rõ",
    "review_untitled": "Cán bộ chưa có chức danh",
    "review_organisation": "Cơ quan chưa rõ loại",
}


def _conditions() -> dict:
    return {
        # warnings is a JSON list of strings; matching its text form is enough
        # to find "ambiguous locality: …" anywhere in it.
        "review_locality": Q(warnings_text__contains=AMBIGUOUS_LOCALITY),
        "review_date": Q(date_precision__in=[Article.DatePrecision.YEAR_INFERRED, Article.DatePrecision.UNKNOWN]),
        "review_untitled": Exists(Role.objects.filter(article=OuterRef("pk"), title="", hidden=False)),
        "review_organisation": Exists(
            ArticleOrganisation.objects.filter(
                article=OuterRef("pk"), hidden=False, organisation__kind=Organisation.Kind.OTHER
            )
        ),
    }


def with_reasons(queryset: QuerySet) -> QuerySet:
    """`queryset` annotated with one boolean per reason (see REASONS)."""
    queryset = queryset.annotate(warnings_text=Cast("warnings", TextField()))
    return queryset.annotate(**{name: condition for name, condition in _conditions().items()})


def needing_review(queryset: QuerySet, reason: str | None = None) -> QuerySet:
    """Pending articles of `queryset` with any reason, or with `reason` (a REASONS key)."""
    queryset = with_reasons(queryset).filter(review_state=Article.ReviewState.PENDING)
    if reason is not None:
        return queryset.filter(**{reason: True})
    any_reason = Q()
    for name in REASONS:
        any_reason |= Q(**{name: True})
    return queryset.filter(any_reason)


def reasons(article: Article) -> list[str]:
    """The reasons, as curators read them, of an article from `with_reasons()`."""
    found = []
    for name, label in REASONS.items():
        if not getattr(article, name, False):
            continue
        if name == "review_locality":
            names = [
                w.split(":", 1)[1].strip() for w in article.warnings
                if isinstance(w, str) and w.startswith(AMBIGUOUS_LOCALITY) and ":" in w
            ]
            label = f"{label}: {', '.join(names)}" if names else label
        elif name == "review_date":
            label = f"{label} ({article.get_date_precision_display().lower()})"
        found.append(label)
    return found
