"""`manage.py warm`: after a restart, an upgrade or an import, make the
first visitors' pages as fast as the later ones' (archive.warming)."""

from django.core.management.base import BaseCommand

from archive import warming


class Command(BaseCommand):
    help = (
        "Analyse the archive's tables that have no planner statistics, then visit the main public pages "
        "in this process as an anonymous reader: the pages are rendered and kept in the page cache under "
        "the current data version, and the database reads what they need into memory."
    )

    def add_arguments(self, parser):
        parser.add_argument("--entities", type=int, default=10,
                            help="the busiest places and periods visited, each (default 10)")
        parser.add_argument("--host", help="the host readers ask for, with its port unless the default (default: the first of ALLOWED_HOSTS)")
        parser.add_argument("--skip-analyze", action="store_true", help="leave the planner statistics alone")

    def handle(self, *args, entities, host, skip_analyze, verbosity, **options):
        if not skip_analyze:
            analysed = warming.analyse_missing()
            self.stdout.write(f"planner statistics: {', '.join(analysed) if analysed else 'none missing'}")
        visits = warming.visit_pages(warming.urls(entities), host=host)
        failed = [visit for visit in visits if visit.status != 200]
        if verbosity > 1:
            for visit in visits:
                self.stdout.write(f"{visit.status} {visit.seconds * 1000:7.0f} ms  {visit.url}")
        total = sum(visit.seconds for visit in visits)
        self.stdout.write(f"warmed {len(visits)} pages in {total:.1f} s; kept in the cache: "
                          f"{sum(visit.kept for visit in visits)}")
        for visit in failed:
            self.stderr.write(f"{visit.url} answered {visit.status}")
