"""lab.bench.grow.replicate: growing a database to N articles by copying the
imported ones in SQL (the 1M benchmark database), on a tiny database.

replicate() copies on connections of its own, which see only committed rows,
so this is a transactional test; the flush after it empties every table, and
the gazetteer is loaded again for the tests that follow."""

from pathlib import Path

import pytest
from django.db import connection

from archive.search.facets import stored_facet_counts
from archive.search.matching import search
from lab.bench import fts5, grow, scale
from archive.importer import import_paths
from archive.models import FACT_MODELS, Article, ArticleFacetKeys

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def index_names() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'archive%%'")
        return {name for (name,) in cursor.fetchall()}


def facts_of(article: Article) -> dict:
    """An article's fact rows, without their ids and the article's."""
    found = {}
    for model in FACT_MODELS:
        fields = [f.attname for f in model._meta.concrete_fields if f.attname not in ("id", "article_id", "seen_on")]
        found[model.__name__] = sorted(model.objects.filter(article=article).values_list(*fields))
    return found


def test_replicate_copies_articles_and_their_facts(gazetteer_loaded_afterwards, transactional_db):
    run = import_paths([str(FIXTURES / "articles")], workers=0)
    assert run.created == 5
    originals = {a.pk: a for a in Article.objects.all()}
    history = Article.history.count()
    indexes = index_names()
    facts_before = {model: model.objects.count() for model in FACT_MODELS}

    # The 5 articles and 2 whole rounds of copies, 2 more; chunks of 2 so both connections work.
    result = grow.replicate(17, chunk=2, progress=lambda message: None)
    assert (result["articles"], result["copied"]) == (17, 12)
    assert Article.objects.count() == 17
    for model in FACT_MODELS:
        expected = facts_before[model] * 3 + sum(
            model.objects.filter(article_id=pk).count() for pk in sorted(originals)[:2]
        )
        assert model.objects.count() == expected, model.__name__

    stride = max(originals)
    for copy in Article.objects.exclude(pk__in=originals):
        k, source_id = divmod(copy.pk - 1, stride)
        original = originals[source_id + 1]
        assert copy.source_key == f"{original.source_key}#bench-copy-{k}"
        assert (copy.title, copy.body, copy.extraction) == (original.title, original.body, original.extraction)
        assert copy.content_hash != original.content_hash
        assert copy.published_on.year == original.published_on.year
        copied_keys, original_keys = (
            ArticleFacetKeys.objects.values("year", "places", "periods", "kinds", "org_kinds", "officials").get(
                article_id=pk
            )
            for pk in (copy.pk, original.pk)
        )
        assert copied_keys == original_keys  # copied like the facts (triggers are off during the copy)
        assert abs((copy.published_on - original.published_on).days) <= 14
        assert facts_of(copy) == facts_of(original)
        seen = {(r.official_id, r.title): r.seen_on for r in original.roles.all()}
        for role in copy.roles.all():  # a role dated by its article moves with it
            before = seen[role.official_id, role.title]
            assert role.seen_on == (copy.published_on if before == original.published_on else before)
    for field in ("source_key", "content_hash"):
        assert Article.objects.values(field).distinct().count() == 17
    for model in FACT_MODELS:  # every copied fact points at a copied article (an inner join: none is lost)
        copied = model.objects.exclude(article_id__in=originals)
        keys = list(copied.values_list("article__source_key", flat=True))
        assert len(keys) == copied.count() > 0
        assert all("#bench-copy-" in key for key in keys)

    # The search columns are computed for the copies: a query finds the copies of what it finds.
    matched = set(search(Article.objects.all(), "dân vận").values_list("pk", flat=True))
    assert matched == {pk for pk in Article.objects.values_list("pk", flat=True) if (pk - 1) % stride + 1 in matched}
    assert matched - set(originals)
    assert index_names() == indexes
    assert Article.history.count() == history  # copies have no history
    with connection.cursor() as cursor:  # the connection's statement timeout is back
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] != "0"

    # Asked again, or for fewer: nothing to do. For more: only the missing copies.
    assert grow.replicate(17, progress=lambda message: None)["copied"] == 0
    assert grow.replicate(10, progress=lambda message: None)["copied"] == 0
    assert grow.replicate(20, chunk=3, progress=lambda message: None)["copied"] == 3
    assert Article.objects.count() == 20
    assert index_names() == indexes
    new = Article.objects.create(title="Bài mới", body="…", raw_text="…", source_key="new", content_hash="new")
    assert new.pk > max(Article.objects.exclude(pk=new.pk).values_list("pk", flat=True))


@pytest.mark.django_db
def test_run_import_reports_throughput_and_cpu_per_article(tmp_path):
    """The import line of the benchmark: rate, and the CPU per stored article
    of this process, of the extraction workers and of the (local) database server."""
    from lab.corpus import write_corpus

    write_corpus(30, 1, str(tmp_path))
    result = scale.run_import(str(tmp_path), workers=2)
    assert (result["created"], result["failed"]) == (30, 0)
    assert result["articles_per_second"] > 0
    cpu = result["cpu_ms_per_article"]
    assert cpu["main"] > 0 and cpu["workers"] > 0  # the workers extracted every article
    assert cpu["database"] is not None and cpu["database"] > 0  # the tests' servers run on this machine
    assert stored_facet_counts()[1] == 30  # the home page counts the new articles, as after import_articles


@pytest.mark.django_db
def test_new_articles_are_timed_by_part_and_deleted_again(tmp_path):
    """The everyday import's line: N new articles into the archive as it is,
    end to end and by part, then deleted so the database is as it was."""
    from archive.models import KeyTotal
    from lab.bench import incremental
    from lab.corpus import write_corpus

    write_corpus(5, 1, str(tmp_path))
    scale.run_import(str(tmp_path), workers=0)
    stored_before = stored_facet_counts()[:2]
    totals_before = set(KeyTotal.objects.filter(articles__gt=0).values_list("counted", "key", "articles"))
    result = incremental.import_new_articles(3, seed=1)
    assert (result["created"], result["failed"], result["articles_before"]) == (3, 0, 5)
    assert set(result["after_import"]) == {"stored counts", "planner statistics"}
    assert result["seconds"] >= result["import_seconds"] > 0
    assert Article.objects.count() == 5 and stored_facet_counts()[:2] == stored_before
    assert set(KeyTotal.objects.filter(articles__gt=0).values_list("counted", "key", "articles")) == totals_before


@pytest.mark.django_db
def test_search_core_times_the_text_queries_and_finds_what_the_page_lists():
    """The like-for-like figure beside FTS5's: the page's results, snippets
    and count, for the queries that have an FTS5 equivalent only."""
    from tests import factories as f

    for day in (1, 2, 3):
        f.article(f"Dân vận {day}", "Công tác dân vận khéo ở cơ sở.", published_on=f"2024-01-0{day}")
    f.article("Khác", "Tin biên giới.", published_on="2024-01-04")
    queries = [
        scale.Query("phrase", {"q": "dân vận"}, '"dân vận"'),
        scale.Query("browse", {}, None),
    ]
    timings = scale.time_search_core(queries, repeat=2)
    assert [(t.name, len(t.samples_ms)) for t in timings] == [("phrase", 2)]
    assert timings[0].note == "{'q': 'dân vận'}: 3 rows, count 3"


@pytest.mark.django_db
def test_the_mid_frequency_query_names_the_district_nearest_its_share_of_the_archive():
    from tests import factories as f

    gio_linh, cam_lo, huong_hoa = (f.locality(name, province="Quảng Trị") for name in ("Gio Linh", "Cam Lộ", "Hướng Hóa"))
    for number in range(10):
        places = [gio_linh] if number < 5 else [cam_lo] if number < 7 else [huong_hoa] if number == 7 else []
        f.article(f"Tin số {number}", localities=places)
    assert scale.mid_district(0.5) == gio_linh  # 5 of 10 articles
    assert scale.mid_district(0.2) == cam_lo  # 2 of 10
    assert scale.mid_district(0.01) == huong_hoa  # the nearest to 0.1 that is in any article
    query = next(q for q in scale.query_set() if q.name.startswith("district"))
    assert (query.params, query.fts) == ({"q": "Hướng Hóa"}, '"Hướng Hóa"')


@pytest.mark.django_db
def test_the_benchmark_names_the_command_a_database_lacks():
    from django.core.management import CommandError, call_command

    from archive.models import Locality

    Locality.objects.all()._raw_delete(Locality.objects.db)  # undone with the test's transaction
    with pytest.raises(CommandError, match="has no gazetteer.*load_gazetteer"):
        call_command("benchmark", "--articles", "10")
    with connection.cursor() as cursor:  # a schema without the archive's tables
        cursor.execute("CREATE SCHEMA bench_empty; SET LOCAL search_path TO bench_empty")
    with pytest.raises(CommandError, match="has no archive tables.*manage.py migrate"):
        call_command("benchmark", "--articles", "10", "--skip-import")


def test_the_import_ceiling_spreads_an_articles_cpu_over_the_cores():
    assert scale.import_ceiling({"main": 1.0, "workers": 2.5, "database": 1.5}, cores=2) == 400.0
    assert scale.import_ceiling({"main": 1.0, "workers": 2.5, "database": None}, cores=2) is None


@pytest.mark.django_db
def test_search_vectors_cost_computes_the_generated_columns_of_the_newest_articles():
    """What the two search columns cost the database per article: measured
    on real text, so more than nothing, and only over the newest ones asked for."""
    from tests import factories as f

    body = " ".join(["Ban Dân vận Huyện ủy phối hợp với Ủy ban nhân dân huyện tuyên truyền, vận động Nhân dân."] * 30)
    for number in range(120):
        f.article(f"Hội nghị ký kết chương trình phối hợp số {number}", body)
    cost = scale.search_vectors_cost(articles=100)
    assert cost["articles"] == 100
    assert cost["ms_per_article"] > 0
    Article.objects.all().delete()
    assert scale.search_vectors_cost() == {"articles": 0}


@pytest.mark.django_db
def test_the_fts5_baseline_searches_the_databases_own_articles(tmp_path):
    """FTS5 gets the same documents as the archive: what the database holds,
    not a corpus generated apart (at 1M, the copies `replicate` made)."""
    from tests import factories as f

    f.article("Ký kết chương trình phối hợp", "Ban Dân vận Huyện ủy Mai Châu ký kết với Hội Nông dân.")
    f.article("Tổng kết công tác", "Hội nghị ở huyện Mai Châu, tỉnh Hòa Bình.")
    f.article("Tin khác", "Ban Dân vận Tỉnh ủy Lâm Đồng.")
    path = str(tmp_path / "fts.sqlite3")
    assert fts5.build_fts(path)["articles"] == 3
    queries = [scale.Query("district", {"q": "Mai Châu"}, '"Mai Châu"'),
               scale.Query("folded", {"q": "dan van"}, '"dan van"')]
    notes = [t.note for t in fts5.time_fts(path, queries, repeat=1)]
    assert notes == ["MATCH '\"Mai Châu\"': 2 hits", "MATCH '\"dan van\"': 2 hits"]


@pytest.mark.django_db
def test_the_other_pages_are_the_overviews_and_the_biggest_and_oldest_lists():
    from archive.models import Organisation
    from tests import factories as f

    hue = f.locality("Thừa Thiên Huế", level="province")
    commission = ("Ban Dân vận Tỉnh ủy Thừa Thiên Huế", Organisation.Kind.MASS_MOBILISATION)
    for number in range(3):
        f.article(f"Tin {number}", published_on=f"2023-0{number + 1}-01", localities=[hue], periods=[(2021, 2025)],
                  officials=[("Trần Thị Diệu Minh", "Trưởng Ban")], organisations=[commission])
    f.article("Tin cũ", published_on="2008-05-01", localities=[hue], periods=[(2006, 2010)])
    pages = {page.name: page.url for page in scale.browse_pages()}
    assert pages == {
        "province overview": "/tinh-thanh/", "period list": "/giai-doan/",
        "province page": hue.get_absolute_url(),
        "largest period": "/giai-doan/2021-2025/", "oldest period ≥ 1 %": "/giai-doan/2006-2010/",
        "period facet, oldest": "/tim-kiem/?period=2006-2010",
        "busiest official": "/can-bo/tran-thi-dieu-minh/", "official facet": "/tim-kiem/?official=tran-thi-dieu-minh",
        "largest organisation": Organisation.objects.get(name=commission[0]).get_absolute_url(),
        "province overview today": "/tinh-thanh/?era=post2025",
        "officials directory": "/can-bo/", "officials, typed name": "/can-bo/?q=tran+thi",
        "officials directory, letter T": "/can-bo/?chu=T&page=2",
        "officials, province and title": "/can-bo/?province=thua-thien-hue&title=bi-thu",
        "places directory": "/dia-phuong/", "places directory, a province": "/dia-phuong/?tinh=thua-thien-hue",
        "organisations directory": "/co-quan/", "documents directory": "/van-ban/",
        "province facet today": "/tim-kiem/?era=post2025&province=hue",
    }
    timings = scale.time_pages([scale.Page("period list", "/giai-doan/")], repeat=2)
    assert [(t.name, len(t.samples_ms), t.note) for t in timings] == [("period list", 2, "GET /giai-doan/ -> [200]")]
