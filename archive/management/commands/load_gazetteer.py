import time

from django.core.management.base import BaseCommand, CommandError

from archive import gazetteer


class Command(BaseCommand):
    help = "Load (or refresh) the administrative units from fixtures/localities.json."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(gazetteer.DEFAULT_PATH))

    def handle(self, *args, path, **options):
        started = time.monotonic()
        try:
            count = gazetteer.load(path)
        except gazetteer.GazetteerError as error:
            raise CommandError(str(error)) from None
        if options["verbosity"]:
            self.stdout.write(f"{count} localities loaded from {path} in {time.monotonic() - started:.1f} s")
