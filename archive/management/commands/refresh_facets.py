import time

from django.core.management.base import BaseCommand

from archive.search.stored import refresh_facet_counts


class Command(BaseCommand):
    help = (
        "Count the search page's facets over the whole archive again from every article's keys, and the "
        "articles per province and per period (the home page, the province overview and the period list "
        "show these stored counts). import_articles stores them after every import that changed something, "
        "from totals kept as facts change; run this after large corrections in the admin, or after "
        "writing to the database with its triggers off."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        articles = refresh_facet_counts(rebuild=True)
        self.stdout.write(f"facet counts of {articles} articles stored ({time.monotonic() - started:.1f} s)")
