"""Deleting an article as a curator does: a tombstone that can be undone.

`delete_article` sets `Article.hidden` and hides every visible fact of the
article, recording which (`Article.hidden_facts`): the article then counts
nowhere — the public lists start from `Article.objects.visible()`, and the
entity pages, counts and derived rows (ArticlePlace, ArticleFacetKeys) read
visible facts only. The importer never brings a deleted article back (it
reports it unchanged). `restore_article` undoes it: the same facts are shown
again, and nothing the curator had hidden before.

Each row is saved on its own so that history records who did it and when.
The stored whole-archive counts (archive.search.stored) are recounted by the
next import or `manage.py refresh_facets`, as after any correction.

A real delete (`Article.delete()`, cascading to the facts) is the admin's,
for superusers, after a confirmation naming what goes with it; a later
import of the same source can bring that article back.
"""

from django.db import transaction

from archive.models import FACT_MODELS, Article


@transaction.atomic
def delete_article(article: Article) -> int:
    """Hide `article` and its visible facts. Returns how many facts were hidden."""
    if article.hidden:
        return 0
    hidden: dict[str, list[int]] = {}
    for model in FACT_MODELS:
        for fact in model.objects.visible().filter(article=article).order_by("pk"):
            fact.hidden = True
            fact.save(update_fields=["hidden"])
            hidden.setdefault(model._meta.model_name, []).append(fact.pk)
    article.hidden = True
    article.hidden_facts = hidden
    article.save(update_fields=["hidden", "hidden_facts", "updated_at"])
    return sum(len(ids) for ids in hidden.values())


@transaction.atomic
def restore_article(article: Article) -> int:
    """Undo `delete_article`: show the article and the facts it hid.
    Returns how many facts were shown again."""
    if not article.hidden:
        return 0
    shown = 0
    models = {model._meta.model_name: model for model in FACT_MODELS}
    for name, ids in article.hidden_facts.items():
        for fact in models[name].objects.filter(article=article, pk__in=ids, hidden=True).order_by("pk"):
            fact.hidden = False
            fact.save(update_fields=["hidden"])
            shown += 1
    article.hidden = False
    article.hidden_facts = {}
    article.save(update_fields=["hidden", "hidden_facts", "updated_at"])
    return shown
