"""Storing many new articles at once: the fast paths the batched import
takes (Importer.create_many). Each saves work that the one-by-one path does
per row; none changes what is stored."""

from contextlib import contextmanager

from django.db import connection
from psycopg.adapt import PyFormat
from psycopg.types.array import ListDumper

from archive.models import Article, Fact


class _ListDumper(ListDumper):
    """psycopg's dumper of lists as text arrays, escaping with bytes.replace.

    Django inserts in bulk through UNNEST of arrays; psycopg's own dumper
    escapes each element with a regular expression and a replacement template,
    one template expansion per double quote: ~15 ms per article for the JSON
    of its extraction, more than all the rest of storing it."""

    class _re_esc:  # noqa: N801 - replaces ListDumper._re_esc
        @staticmethod
        def sub(_template, data):
            return bytes(data).replace(b"\\", b"\\\\").replace(b'"', b'\\"')


@contextmanager
def derived_rows_refreshed_once():
    """Inside a transaction: the Postgres insert triggers leave ArticlePlace
    and ArticleFacetKeys alone, and the articles whose ids are appended to
    the yielded list get theirs rebuilt once at the end (archive/sql/derived.sql),
    rather than once per fact table inserted into."""
    inserted: list[int] = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL archive.refresh_later = on")
    yield inserted  # on an error, rolling back the transaction (or savepoint) undoes the SET too
    with connection.cursor() as cursor:
        cursor.execute("SELECT archive_refresh_derived(%s::bigint[])", [inserted])
        cursor.execute("SET LOCAL archive.refresh_later = off")  # the transaction may go on (tests)


def copy_facts(model: type[Fact], facts: list[tuple[Article, dict]]) -> None:
    """Insert new importer-written rows of `model`, one per (article, field
    values), with COPY: the rows bulk_create would insert, without a model
    instance per row (an article has ~35 fact rows: building and binding
    them took about a quarter of the importer's own CPU per article)."""
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    constant = {field.name: field.get_default() for field in fields} | {"origin": Fact.Origin.IMPORT}
    relations = {field.name for field in fields if field.is_relation}
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor, cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for article, values in facts:
            row = constant | values
            row["article"] = article
            copy.write_row([getattr(row[name], "pk", row[name]) if name in relations else row[name] for name in constant])


def use_fast_array_dumper() -> None:
    connection.ensure_connection()
    adapters = connection.connection.adapters
    if adapters.get_dumper(list, PyFormat.TEXT) is not _ListDumper:
        adapters.register_dumper(list, _ListDumper)
