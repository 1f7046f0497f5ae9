import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from archive.importer import DatabaseUnavailable, ImportInterrupted, after_import, import_paths


class Command(BaseCommand):
    help = "Import articles (.txt, .html, .jsonl files, directories or globs) and extract their facts."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--workers", type=int, default=os.cpu_count() or 1,
            help="processes extracting while new articles are stored in batches (default: CPU count); "
            "0: extract and store one article at a time",
        )
        parser.add_argument(
            "--reextract", action="store_true",
            help="extract again the articles whose text was imported before (after the extractor changed); "
            "curators' corrections are kept, and the facts that changed are counted",
        )

    def handle(self, *args, paths, workers, verbosity, reextract, **options):
        started = time.monotonic()
        show_bar = verbosity >= 1 and sys.stderr.isatty()
        done = 0

        def progress(outcome):
            nonlocal done
            done += 1
            if outcome.status == "failed":
                self.stderr.write(f"{outcome.source}: {outcome.reason}")
            elif verbosity >= 2:
                self.stdout.write(f"{outcome.status}: {outcome.source}")
            for warning in outcome.warnings if verbosity >= 2 else []:
                self.stderr.write(f"{outcome.source}: warning: {warning}")
            if show_bar and done % 25 == 0:
                rate = done / max(time.monotonic() - started, 1e-6)
                sys.stderr.write(f"\r{done} articles, {rate:.0f}/s ")
                sys.stderr.flush()

        try:
            run = import_paths(paths, progress=progress, workers=workers or None, reextract=reextract)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from None
        except DatabaseUnavailable as error:
            raise CommandError(f"the database went away during the import ({error}); run the same command again to finish") from None
        except ImportInterrupted as interrupted:
            run = interrupted.run
            raise CommandError(
                f"interrupted (import run {run.pk}: {run.created} created, {run.updated} updated, "
                f"{run.unchanged} unchanged, {run.failed} failed); every stored article is complete, "
                "run the same command again to finish", returncode=130,
            ) from None
        if show_bar:
            sys.stderr.write("\r" + " " * 40 + "\r")
        if verbosity >= 1:
            self.stdout.write(f"{run.summary} ({time.monotonic() - started:.1f} s, import run {run.pk})")
        if run.created or run.updated:
            after_import()  # the stored counts, the entity tables' statistics
        if run.failed:
            raise CommandError(f"{run.failed} of the inputs failed; see the messages above", returncode=1)
