"""What a curator does to one fact of an article on the review screen:
confirm it, correct it, hide it (and show it again), or add one the
extractor missed from a piece of the text. The admin calls these, one call
per request; each returns the fact as it now is and a sentence saying what
changed.

Confirmed, corrected and added facts are the curator's (`origin=curator`),
which the importer never deletes or rewrites: that is the lock. A correction
that changes what identifies a fact (the official and title, the place…)
leaves the old row hidden, as a tombstone, so a re-import does not add the
old fact back (as `archive.curation.curate_fact` does for the admin's
forms). The article's date is locked through `Article.locked_fields`.

Rows are saved one by one so that history records who did what and when.
"""

import re
from datetime import date

from django.db import transaction

from archive.curation import CurationError, _key_fields
from archive.curation.names import find_locality, find_or_create_official, find_or_create_organisation
from archive.models import (
    Agreement,
    Article,
    ArticleAgreement,
    ArticleLocality,
    ArticleOrganisation,
    ArticlePeriod,
    Citation,
    Document,
    Fact,
    Period,
    Role,
)
from archive.text import normalize

# The name of each kind of fact in a reference ("role:12") and on the screen.
KINDS = {
    "locality": ArticleLocality,
    "role": Role,
    "organisation": ArticleOrganisation,
    "agreement": ArticleAgreement,
    "period": ArticlePeriod,
    "document": Citation,
}
KIND_OF = {model: kind for kind, model in KINDS.items()}
DATE_FIELDS = ["published_on", "date_precision"]
_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$")
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


def ref(fact: Fact) -> str:
    return f"{KIND_OF[type(fact)]}:{fact.pk}"


def get_fact(article: Article, reference: str) -> Fact:
    kind, _, pk = (reference or "").partition(":")
    if kind not in KINDS or not pk.isdecimal():
        raise CurationError("Không rõ dữ kiện")
    fact = KINDS[kind].objects.filter(article=article, pk=int(pk)).first()
    if fact is None:
        raise CurationError("Dữ kiện không còn (có thể đã được sửa ở nơi khác); tải lại trang")
    return fact


# -- confirm, hide, show again ----------------------------------------------------


def confirm(fact: Fact) -> tuple[Fact, str]:
    """The fact is right: it becomes the curator's, which locks it."""
    if fact.hidden:
        raise CurationError("Dữ kiện đã bị loại bỏ; khôi phục trước khi xác nhận")
    if fact.origin != Fact.Origin.CURATOR:
        fact.origin = Fact.Origin.CURATOR
        fact.save(update_fields=["origin"])
    return fact, f"Đã xác nhận: {fact}"


def hide(fact: Fact) -> tuple[Fact, str]:
    """The fact is wrong: hidden everywhere, and never re-created by an import."""
    if not fact.hidden:
        fact.hidden = True
        fact.origin = Fact.Origin.CURATOR
        fact.save(update_fields=["hidden", "origin"])
    return fact, f"Đã loại bỏ: {fact}"


def show(fact: Fact) -> tuple[Fact, str]:
    """Undo a hide: the fact is shown again, as the curator's."""
    if fact.hidden:
        fact.hidden = False
        fact.origin = Fact.Origin.CURATOR
        fact.save(update_fields=["hidden", "origin"])
    return fact, f"Đã khôi phục: {fact}"


# -- correct ------------------------------------------------------------------------


def _value_of(fact: Fact, name: str):
    field = type(fact)._meta.get_field(name)
    return getattr(fact, field.attname)


def _plain(value):
    return getattr(value, "pk", value)


@transaction.atomic
def _apply(fact: Fact, changes: dict) -> Fact:
    """Save `changes` ({field: value}) to `fact` as a curator's correction.

    A change of what identifies the fact leaves the old row hidden, as a
    tombstone, and the correction is a new row: also when the old row was
    already the curator's (confirmed before), else a re-import would add the
    extractor's version back. If the corrected fact is one the article
    already has (hidden or not), that row is shown and kept instead."""
    changed = [name for name, value in changes.items() if _value_of(fact, name) != _plain(value)]
    if not changed:
        return confirm(fact)[0]
    model = type(fact)
    key = _key_fields(model)
    if set(changed) & set(key):
        wanted = {name: _plain(changes.get(name, _value_of(fact, name))) for name in key}
        wanted = {model._meta.get_field(name).attname: value for name, value in wanted.items()}
        twin = model.objects.filter(article_id=fact.article_id, **wanted).exclude(pk=fact.pk).first()
        if twin is not None:
            hide(fact)
            for name, value in changes.items():
                if name not in key:
                    setattr(twin, name, value)
            twin.hidden, twin.origin = False, Fact.Origin.CURATOR
            twin.save()
            return twin
        hide(model.objects.get(pk=fact.pk))
        fact.pk, fact._state.adding = None, True
    for name in changed:
        setattr(fact, name, changes[name])
    fact.origin = Fact.Origin.CURATOR
    fact.save()
    return fact


def parse_period(text: str) -> Period:
    match = _PERIOD.match(text or "")
    if not match or int(match[1]) > int(match[2]):
        raise CurationError("Giai đoạn ghi dạng 2021-2025")
    return Period.objects.get_or_create(start=int(match[1]), end=int(match[2]), kind=Period.Kind.PROGRAMME)[0]


def _document(number: str) -> Document:
    number = normalize(number or "").strip()[:60]
    if not number:
        raise CurationError("Cần số hiệu văn bản")
    return Document.objects.get_or_create(number=number)[0]


def correct(fact: Fact, values: dict) -> tuple[Fact, str]:
    """Correct `fact` with the screen's fields (`values`, strings)."""
    before = str(fact)
    if fact.hidden:
        raise CurationError("Dữ kiện đã bị loại bỏ; khôi phục trước khi sửa")
    if isinstance(fact, Role):
        name = (values.get("name") or "").strip()
        official = find_or_create_official(name) if name and name != fact.official.name else fact.official
        fact = _apply(fact, {"official": official, "title": normalize(values.get("title") or "").strip()[:300]})
    elif isinstance(fact, ArticleLocality):
        fact = _apply(fact, {"locality": find_locality(values.get("place") or "", fact.article)})
    elif isinstance(fact, ArticleOrganisation):
        organisation = find_or_create_organisation(values.get("name") or "", values.get("org_kind"))
        fact = _apply(fact, {"organisation": organisation})
    elif isinstance(fact, ArticleAgreement):
        fact = _correct_agreement(fact, values)
    elif isinstance(fact, ArticlePeriod):
        fact = _apply(fact, {"period": parse_period(values.get("period") or "")})
    elif isinstance(fact, Citation):
        fact = _apply(fact, {"document": _document(values.get("number") or "")})
    after = str(fact)
    return fact, (f"Đã sửa: {before} → {after}" if after != before else f"Đã xác nhận: {after}")


def _correct_agreement(fact: ArticleAgreement, values: dict) -> ArticleAgreement:
    """The kind is the article's; the period and parties are the agreement's,
    shared by every article reporting it (history keeps the old ones)."""
    kind = values.get("agreement_kind") or fact.kind
    if kind not in ArticleAgreement.Kind.values:
        raise CurationError("Không rõ loại tin")
    agreement: Agreement = fact.agreement
    if (text := (values.get("period") or "").strip()) and (period := parse_period(text)) != agreement.period:
        agreement.period = period
        agreement.save(update_fields=["period"])
    if "parties" in values:
        names = [name.strip() for name in re.split(r"[;\n]", values["parties"]) if name.strip()]
        parties = [find_or_create_organisation(name) for name in names]
        if {p.pk for p in parties} != set(agreement.parties.values_list("pk", flat=True)):
            agreement.parties.set(parties)  # recorded in its history (Agreement.history's m2m_fields)
    return _apply(fact, {"kind": kind})


# -- add from a piece of the text ---------------------------------------------------


def evidence_around(body: str, text: str) -> str:
    """The sentence of `body` holding `text` (empty if it is not there)."""
    at = body.find(text)
    if at < 0:
        return ""
    start = max((m.end() for m in _SENTENCE_END.finditer(body, 0, at)), default=0)
    end = _SENTENCE_END.search(body, at + len(text))
    return body[start : end.start() + 1 if end else len(body)].strip()[:2000]


@transaction.atomic
def add(article: Article, kind: str, values: dict) -> tuple[Fact, str]:
    """A fact the extractor missed, from the text the curator selected
    (`values["text"]`) and the screen's fields. If the article has it
    already (hidden or not), that row is shown and becomes the curator's."""
    text = normalize(values.get("text") or "").strip()
    if not text and kind not in ("agreement",):
        raise CurationError("Chọn hoặc gõ đoạn văn bản của dữ kiện")
    evidence = evidence_around(article.body, values.get("text") or "")
    if kind == "role":
        fields = {"official": find_or_create_official(text), "title": normalize(values.get("title") or "").strip()[:300]}
        extra = {"seen_on": article.published_on, "locality": _primary_place(article)}
    elif kind == "locality":
        fields, extra = {"locality": find_locality(values.get("place") or text, article)}, {}
    elif kind == "organisation":
        fields = {"organisation": find_or_create_organisation(text, values.get("org_kind"))}
        extra = {"as_written": text[:300]}
    elif kind == "period":
        fields, extra = {"period": parse_period(text)}, {}
    elif kind == "document":
        fields, extra = {"document": _document(text)}, {"as_written": text[:400]}
    else:
        raise CurationError("Loại dữ kiện này không thêm được từ văn bản")
    model = KINDS[kind]
    fact = model.objects.filter(article=article, **fields).first()
    if fact is None:
        fact = model(article=article, origin=Fact.Origin.CURATOR, evidence=evidence, **fields, **extra)
    else:
        fact.hidden, fact.origin = False, Fact.Origin.CURATOR
        fact.evidence = fact.evidence or evidence
    fact.save()
    return fact, f"Đã thêm: {fact}"


def _primary_place(article: Article):
    """Where a new official of `article` is placed: as the importer places
    its officials, the most specific visible locality (district over commune)."""
    rank = {"district": 0, "commune": 1, "province": 2}
    places = [fact.locality for fact in article.locality_facts.visible().select_related("locality")]
    return min(places, key=lambda place: rank[place.level], default=None)


# -- the article's date ------------------------------------------------------------


def confirm_date(article: Article) -> str:
    _lock(article, DATE_FIELDS)
    article.save(update_fields=["locked_fields", "updated_at"])
    return f"Đã xác nhận ngày: {article.published_on:%d/%m/%Y}" if article.published_on else "Đã xác nhận: chưa rõ ngày"


def correct_date(article: Article, text: str) -> str:
    match = re.match(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$", text or "")
    try:
        new = date(int(match[3]), int(match[2]), int(match[1])) if match else None
    except ValueError:
        new = None
    if new is None:
        raise CurationError("Ngày ghi dạng ngày/tháng/năm, ví dụ 26/05/2023")
    before = article.published_on
    article.published_on, article.date_precision = new, Article.DatePrecision.STATED
    _lock(article, DATE_FIELDS)
    article.save(update_fields=["published_on", "date_precision", "locked_fields", "updated_at"])
    return f"Đã sửa ngày: {before:%d/%m/%Y} → {new:%d/%m/%Y}" if before else f"Đã sửa ngày: {new:%d/%m/%Y}"


def _lock(article: Article, names: list[str]) -> None:
    article.locked_fields = list(dict.fromkeys([*article.locked_fields, *names]))


def mark_reviewed(article: Article) -> None:
    if article.review_state != Article.ReviewState.REVIEWED:
        article.review_state = Article.ReviewState.REVIEWED
        article.save(update_fields=["review_state", "updated_at"])

