from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup written by `backup FILE`, replacing the tables it holds (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, file, interactive, verbosity, **options):
        name = settings.DATABASES["default"]["NAME"]
        if interactive:
            answer = input(f"This replaces the archive in database {name!r} with {file}. Type 'yes' to go on: ")
            if answer != "yes":
                raise CommandError("restore cancelled")
        try:
            restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if verbosity >= 1:
            self.stdout.write(f"restored {file} into database {name!r}; run `manage.py migrate` if the code is newer")
