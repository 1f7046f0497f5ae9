import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from lab.corpus import write_corpus


class Command(BaseCommand):
    help = (
        "Write a deterministic synthetic corpus of N articles (for scale tests only): "
        "JSON Lines feeds of 10,000 articles, or one .txt per article."
    )

    def add_arguments(self, parser):
        parser.add_argument("n", type=int, metavar="N")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", required=True, metavar="DIR")
        parser.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: CPU count)")

    def handle(self, *args, n, seed, out, format, workers, verbosity, **options):
        if n < 0:
            raise CommandError("N must be 0 or more")
        started = time.monotonic()
        show = verbosity >= 1 and sys.stderr.isatty()

        def progress(done):
            if show:
                sys.stderr.write(f"\r{done:,} / {n:,} articles ")
                sys.stderr.flush()

        written = write_corpus(n, seed, out, fmt=format, workers=workers, progress=progress)
        if show:
            sys.stderr.write("\n")
        seconds = time.monotonic() - started
        if verbosity >= 1:
            self.stdout.write(f"{written:,} articles written to {out} in {seconds:.1f} s ({written / max(seconds, 1e-9):,.0f}/s)")
