import time

from django.core.management.base import BaseCommand, CommandError

from archive import gazetteer


class Command(BaseCommand):
    help = "Load (or refresh) the administrative units from fixtures/localities.json."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(gazetteer.DEFAULT_PATH))
        parser.add_argument(
            "--if-needed", action="store_true",
            help="do nothing when the table already holds every unit of the file (make run uses this)",
        )

    def handle(self, *args, path, **options):
        started = time.monotonic()
        try:
            if options["if_needed"] and gazetteer.is_loaded(path):
                if options["verbosity"]:
                    self.stdout.write("localities already loaded")
                return
            count = gazetteer.load(path)
        except gazetteer.GazetteerError as error:
            raise CommandError(str(error)) from None
        if options["verbosity"]:
            self.stdout.write(f"{count} localities loaded from {path} in {time.monotonic() - started:.1f} s")
