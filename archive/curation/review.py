"""The review queue: articles whose extracted facts a curator should check
first, and why.

An article is in the queue while it is pending, not deleted, and at least
one of these holds:
- the extractor warned that a place name was ambiguous, and no curator has
  placed the article yet;
- an official is seen for the first time (no other article names them);
- an official's title conflicts with their title in another article: the
  same post with and without "Phó" (deputy), or "Thường trực", within a year;
- an agreement it reports has no parties or no period;
- its date is inferred (year guessed) or unknown, or was read from the
  page's update stamp ("Cập nhật, 19:17 …") rather than the text, and no
  curator has confirmed it;
- an official is named without a title;
- an organisation it names is of unknown kind ("other").

The reasons are computed in SQL as boolean annotations (EXISTS), so the
admin can filter on them, count them and show them per row without a query
per article. "Duyệt xong" (`review_state = reviewed`) takes an article out.
"""

from datetime import timedelta

from django.db.models import Exists, Func, OuterRef, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Lower

from archive.models import (
    Agreement, Article, ArticleAgreement, ArticleLocality, ArticleOrganisation, Fact, Organisation, Role,
)

AMBIGUOUS_LOCALITY = "ambiguous locality"
COUNT_CAP = 1000  # per reason: the queue page says "hơn 1.000" beyond
# The queue page counts among the newest pending articles only, so that a
# rare reason does not send each count through every pending article.
COUNT_SCAN = 20_000
# An update stamp rather than a date the text gives: a time of day, GMT, "cập nhật".
STAMP = r"(cập nhật|cap nhat|\d{1,2}:\d{2}|GMT)"
TITLE_WINDOW = timedelta(days=366)

# name of the annotation -> label shown to curators
REASONS = {
    "review_locality": "Địa phương chưa rõ",
    "review_new_official": "Cán bộ lần đầu xuất hiện",
    "review_title_conflict": "Chức danh khác với bài khác",
    "review_agreement": "Chương trình thiếu các bên hoặc giai đoạn",
    "review_date": "Ngày suy ra hoặc không rõ",
    "review_stamp": "Ngày lấy từ dấu cập nhật của trang",
    "review_untitled": "Cán bộ chưa có chức danh",
    "review_organisation": "Cơ quan chưa rõ loại",
}


def _post(title) -> Func:
    """A title without "Phó" in front and "Thường trực": the post it names."""
    return Func(Lower(title), Value(r"^phó\s+|\s*thường trực"), Value(""), Value("g"),
                function="regexp_replace", output_field=TextField())


def _conditions() -> dict:
    roles = Role.objects.visible().filter(article=OuterRef("pk"))
    elsewhere = Role.objects.visible().filter(official=OuterRef("official")).exclude(article=OuterRef("article"))
    conflicting = (
        elsewhere.exclude(title="").exclude(title=OuterRef("title")).annotate(post=_post("title"))
        .filter(post=OuterRef("post"))
        .filter(Q(seen_on=None) | Q(seen_on__gt=OuterRef("seen_on") - TITLE_WINDOW,
                                     seen_on__lt=OuterRef("seen_on") + TITLE_WINDOW))
    )
    partyless = ~Exists(Agreement.parties.through.objects.filter(agreement=OuterRef("agreement")))
    date_locked = Q(locked_fields__contains=["published_on"])
    return {
        # warnings is a JSON list of strings; matching its text form is enough
        # to find "ambiguous locality: …" anywhere in it.
        "review_locality": Q(warnings_text__contains=AMBIGUOUS_LOCALITY) & ~Exists(
            ArticleLocality.objects.visible().filter(article=OuterRef("pk"), origin=Fact.Origin.CURATOR)
        ),
        "review_new_official": Exists(roles.filter(~Exists(elsewhere))),
        "review_title_conflict": Exists(roles.exclude(title="").annotate(post=_post("title")).filter(Exists(conflicting))),
        "review_agreement": Exists(
            ArticleAgreement.objects.visible().filter(article=OuterRef("pk")).filter(Q(agreement__period=None) | partyless)
        ),
        "review_date": Q(date_precision__in=[Article.DatePrecision.YEAR_INFERRED, Article.DatePrecision.UNKNOWN])
        & ~date_locked,
        "review_stamp": Q(date_precision=Article.DatePrecision.STATED, date_evidence__iregex=STAMP) & ~date_locked,
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
    """Pending, not deleted articles of `queryset` with any reason, or with
    `reason` (a REASONS key)."""
    queryset = with_reasons(queryset).filter(review_state=Article.ReviewState.PENDING, hidden=False)
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


def newest_pending(queryset: QuerySet) -> QuerySet:
    """The newest COUNT_SCAN pending, not deleted articles of `queryset`: what the queue page counts."""
    newest = (
        queryset.filter(review_state=Article.ReviewState.PENDING, hidden=False)
        .order_by("-pk").values("pk")[:COUNT_SCAN]
    )
    return queryset.filter(pk__in=newest)


def reason_counts(queryset: QuerySet) -> dict[str, int]:
    """{reason: articles in the queue for it} among `queryset`, each counted
    up to COUNT_CAP + 1 (one bounded query per reason)."""
    return {name: needing_review(queryset, name).values("pk")[: COUNT_CAP + 1].count() for name in REASONS}


def next_in_queue(queryset: QuerySet, after: int | None = None, reason: str | None = None) -> Article | None:
    """The queue's next article after the one with id `after` (the queue runs
    from the newest import down, then starts again at the top), or None when
    the queue is empty. One or two queries."""
    queue = needing_review(queryset, reason).order_by("-pk").only("pk")
    if after is not None:
        following = queue.filter(pk__lt=after).first()
        return following or queue.exclude(pk=after).first()
    return queue.first()
