import json

from django.core.management.base import BaseCommand, CommandError

from archive.extract import extract
from archive.extract.sources import Failure, iter_documents


class Command(BaseCommand):
    help = "Print the facts extracted from articles as JSON Lines (docs/extraction.md); touches no database."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--indent", type=int, default=None, help="pretty-print each object")
        parser.add_argument("--body", action="store_true", help="include the cleaned article text")

    def handle(self, *args, paths, indent, body, **options):
        failed = 0
        try:
            for item in iter_documents(paths):
                if isinstance(item, Failure):
                    failed += 1
                    self.stderr.write(f"{item.source}: {item.reason}")
                    continue
                facts = extract(item.text, source=item.source, url=item.url,
                                published_hint=item.published, title_hint=item.title)
                if not body:
                    facts.pop("body", None)
                self.stdout.write(json.dumps(facts, ensure_ascii=False, indent=indent))
        except FileNotFoundError as error:
            raise CommandError(str(error)) from None
        if failed:
            raise CommandError(f"{failed} of the inputs failed; see the messages above", returncode=1)
