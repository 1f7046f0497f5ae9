import json

from django.core.management.base import BaseCommand, CommandError

from archive.extract import Failure, iter_documents
from lab.extraction_speed import benchmark


class Command(BaseCommand):
    help = "Measure extraction speed on one core (articles/s) over the given articles; no database."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", default=["fixtures/articles", "fixtures/gold"], metavar="PATH")
        parser.add_argument("--seconds", type=float, default=5.0, help="how long to run (default 5)")
        parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")

    def handle(self, *args, paths, seconds, **options):
        try:
            texts = [doc.text for doc in iter_documents(paths) if not isinstance(doc, Failure)]
        except FileNotFoundError as error:
            raise CommandError(str(error)) from None
        if not texts:
            raise CommandError("no readable articles under " + ", ".join(paths))
        result = benchmark(texts, seconds)
        for key, value in result.items():
            self.stdout.write(f"{key:>20}  {value}")
        if options["json"]:
            with open(options["json"], "w") as out:
                json.dump(result, out, indent=2)
