import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lab.evaluate import evaluate_directory, format_misses, format_table


class Command(BaseCommand):
    help = "Score the extractor against a gold directory (*.json beside *.txt). No database."

    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("gold_dir", help="directory of gold JSON files, e.g. fixtures/gold")
        parser.add_argument("--verbose", action="store_true", help="list the misses per article")
        parser.add_argument(
            "--json", dest="json_out", metavar="OUT", help="also write the full report as JSON"
        )

    def handle(self, gold_dir, verbose=False, json_out=None, **options):
        if not Path(gold_dir).is_dir():
            raise CommandError(f"not a directory: {gold_dir}")
        report = evaluate_directory(gold_dir)
        if not report.articles:
            raise CommandError(f"no gold articles (*.json with a .txt beside it) in {gold_dir}")

        self.stdout.write(f"{len(report.articles)} articles")
        self.stdout.write(format_table(report))
        if verbose:
            self.stdout.write(format_misses(report))
        for source, error in report.errors:
            self.stderr.write(f"{source}: extraction failed: {error}")
        if json_out:
            text = json.dumps(report.as_dict(), ensure_ascii=False, indent=1)
            Path(json_out).write_text(text + "\n", encoding="utf-8")
            self.stdout.write(f"report written to {json_out}")
