"""The review screen: one article's text with every fact marked, its facts
grouped beside it, each confirmed, corrected, hidden or added in one
request; and the queue that leads from one article to the next.

Every action is a normal form POST to `action_view`: answered with a
redirect back to the screen, or, for the screen's script
(static/admin/review.js, which sends `Accept: application/json`), with the
re-rendered panel and text and a sentence saying what changed. The rules
are archive.curation's; this module only reads the request and renders.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse

from archive.admin.highlight import Needle, period, render, words
from archive.curation import CurationError, actions, review
from archive.models import Article, ArticleAgreement, Organisation

GROUPS = [  # (kind, heading)
    ("locality", "Địa phương"),
    ("role", "Cán bộ và chức danh"),
    ("organisation", "Cơ quan, tổ chức"),
    ("agreement", "Chương trình phối hợp"),
    ("period", "Giai đoạn"),
    ("document", "Văn bản"),
]
RELATED = {
    "locality": ["locality__province"],
    "role": ["official"],
    "organisation": ["organisation"],
    "agreement": ["agreement__period"],
    "period": ["period"],
    "document": ["document"],
}
HISTORY_ROWS = 12
HISTORY_TYPES = {"+": "thêm", "~": "sửa", "-": "xóa"}


def review_urls(model_admin) -> list:
    wrap = model_admin.admin_site.admin_view

    def bind(view):
        def bound(request, *args, **kwargs):
            return view(model_admin, request, *args, **kwargs)
        return wrap(bound)

    return [
        path("hang-cho/", bind(queue_view), name="archive_article_queue"),
        path("hang-cho/tiep/", bind(next_view), name="archive_article_queue_next"),
        path("<int:pk>/hieu-dinh/", bind(review_view), name="archive_article_review"),
        path("<int:pk>/hieu-dinh/thao-tac/", bind(action_view), name="archive_article_review_action"),
    ]


# -- what the screen shows ----------------------------------------------------------------


def _needle(kind: str, fact) -> Needle | None:
    if kind == "role":
        pattern = words(fact.official.name)
    elif kind == "locality":
        pattern = words(fact.locality.name)
    elif kind == "organisation":
        pattern = words(fact.as_written) or words(fact.organisation.name)
    elif kind == "agreement":
        agreement_period = fact.agreement.period
        pattern = period(agreement_period.start, agreement_period.end) if agreement_period else None
        pattern = pattern or words("chương trình phối hợp")
    elif kind == "period":
        pattern = period(fact.period.start, fact.period.end)
    else:
        pattern = words(fact.as_written) or words(fact.document.number)
    return Needle(actions.ref(fact), pattern, fact.evidence) if pattern else None


def _facts(article: Article) -> dict[str, list]:
    found = {}
    for kind, _heading in GROUPS:
        model = actions.KINDS[kind]
        found[kind] = list(model.objects.filter(article=article).select_related(*RELATED[kind]).order_by("pk"))
    agreements = [fact.agreement for fact in found["agreement"]]
    parties = {}
    for agreement in agreements:  # a few per article
        parties[agreement.pk] = list(agreement.parties.all())
    for fact in found["agreement"]:
        fact.parties = parties[fact.agreement_id]
    return found


def screen_context(article: Article) -> dict:
    facts = _facts(article)
    needles = [
        needle for kind, rows in facts.items() for fact in rows
        if not fact.hidden and (needle := _needle(kind, fact))
    ]
    if article.date_evidence:
        needles.insert(0, Needle("date:0", words(article.date_evidence)))
    text, marked = render(article.body, needles)
    groups = []
    for kind, heading in GROUPS:
        rows = facts[kind]
        for fact in rows:
            fact.ref = actions.ref(fact)
            fact.marked = fact.ref in marked
            fact.anchor = fact.ref.replace(":", "-")
        groups.append({
            "kind": kind, "heading": heading,
            "visible": [fact for fact in rows if not fact.hidden],
            "hidden": [fact for fact in rows if fact.hidden],
        })
    queued = review.with_reasons(Article.objects.filter(pk=article.pk)).first()
    return {
        "article": article,
        "text": text,
        "groups": groups,
        "date_marked": "date:0" in marked,
        "date_locked": "published_on" in article.locked_fields,
        "reasons": review.reasons(queued) if queued and article.review_state == Article.ReviewState.PENDING else [],
        "org_kinds": Organisation.Kind.choices,
        "agreement_kinds": ArticleAgreement.Kind.choices,
        "history": recent_history(article, facts),
    }


def recent_history(article: Article, facts: dict[str, list]) -> list:
    """The latest changes to the article and its facts: who, when, what, and
    where to revert it (the object's history page). One query per table."""
    rows = list(article.history.select_related("history_user").order_by("-history_date")[:HISTORY_ROWS])
    for kind, _ in GROUPS:
        model = actions.KINDS[kind]
        rows += model.history.filter(article_id=article.pk).select_related("history_user").order_by(
            "-history_date"
        )[:HISTORY_ROWS]
    rows.sort(key=lambda row: row.history_date, reverse=True)
    entries = []
    for row in rows[:HISTORY_ROWS]:
        meta = row.instance_type._meta
        entries.append({
            "when": row.history_date, "who": row.history_user, "what": str(row.instance),
            "model": meta.verbose_name, "type": HISTORY_TYPES.get(row.history_type, row.history_type),
            "url": reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[row.id]),
        })
    return entries


# -- views ------------------------------------------------------------------------------


def _article(model_admin, request, pk) -> Article:
    article = get_object_or_404(Article, pk=pk)
    if not model_admin.has_view_or_change_permission(request, article):
        raise PermissionDenied
    return article


def review_view(model_admin, request, pk):
    article = _article(model_admin, request, pk)
    context = {
        **model_admin.admin_site.each_context(request),
        **screen_context(article),
        "opts": Article._meta,
        "title": f"Hiệu đính: {article.title}",
        "can_change": model_admin.has_change_permission(request, article),
        "reason": request.GET.get("ly_do") if request.GET.get("ly_do") in review.REASONS else "",
    }
    return TemplateResponse(request, "admin/archive/article/review.html", context)


def _perform(article: Article, data) -> tuple[str, str]:
    """Do the action `data` asks for; -> (what changed, the ref to focus)."""
    action, reference = data.get("action"), data.get("ref") or ""
    if action == "confirm_date":
        return actions.confirm_date(article), "date:0"
    if action == "correct_date":
        return actions.correct_date(article, data.get("date") or ""), "date:0"
    if action == "add":
        fact, message = actions.add(article, data.get("kind") or "", data)
        return message, actions.ref(fact)
    fact = actions.get_fact(article, reference)
    operation = {"confirm": actions.confirm, "hide": actions.hide, "show": actions.show}.get(action)
    if operation:
        fact, message = operation(fact)
    elif action == "correct":
        fact, message = actions.correct(fact, data)
    else:
        raise CurationError("Không rõ thao tác")
    return message, actions.ref(fact)


def action_view(model_admin, request, pk):
    """One curator action on one article: one request, one answer."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = _article(model_admin, request, pk)
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    wants_json = "application/json" in request.headers.get("Accept", "")
    screen = reverse("admin:archive_article_review", args=[article.pk])
    if request.POST.get("action") == "done":
        actions.mark_reviewed(article)
        message = f"Đã duyệt xong “{article}”."
        following = review.next_in_queue(Article.objects.all(), article.pk, _reason(request.POST))
        target = _screen_url(following, request.POST) if following else reverse("admin:archive_article_queue")
        if wants_json:
            return JsonResponse({"ok": True, "message": message, "next": target})
        model_admin.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(target)
    try:
        message, focus = _perform(article, request.POST)
    except CurationError as error:
        if wants_json:
            return JsonResponse({"ok": False, "message": str(error)}, status=400)
        model_admin.message_user(request, str(error), messages.ERROR)
        return HttpResponseRedirect(screen)
    if not wants_json:
        model_admin.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(f"{screen}#fact-{focus.replace(':', '-')}")
    article.refresh_from_db()
    context = {**screen_context(article), "can_change": True}
    return JsonResponse({
        "ok": True, "message": message, "focus": focus,
        "panel": render_to_string("admin/archive/article/_review_panel.html", context, request=request),
        "text": str(context["text"]),
    })


def _reason(data) -> str | None:
    reason = data.get("ly_do")
    return reason if reason in review.REASONS else None


def _screen_url(article: Article, data) -> str:
    url = reverse("admin:archive_article_review", args=[article.pk])
    return f"{url}?ly_do={_reason(data)}" if _reason(data) else url


def next_view(model_admin, request):
    """The next article of the queue (after `sau`), else the queue page."""
    after = request.GET.get("sau")
    following = review.next_in_queue(
        Article.objects.all(), int(after) if after and after.isdecimal() else None, _reason(request.GET)
    )
    if following is None:
        model_admin.message_user(request, "Hàng chờ đã hết.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:archive_article_queue"))
    return HttpResponseRedirect(_screen_url(following, request.GET))


def queue_view(model_admin, request):
    scanned = review.newest_pending(Article.objects.all())
    counts = review.reason_counts(scanned)
    rows = [
        {"reason": name, "label": label, "count": counts[name], "capped": counts[name] > review.COUNT_CAP}
        for name, label in review.REASONS.items()
    ]
    total = review.needing_review(scanned).values("pk")[: review.COUNT_CAP + 1].count()
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta, "title": "Hàng chờ duyệt", "rows": rows,
        "total": total, "cap": review.COUNT_CAP, "scan": review.COUNT_SCAN,
    }
    return TemplateResponse(request, "admin/archive/article/queue.html", context)

