from django.core.management.base import BaseCommand, CommandError

from archive.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the whole database into FILE (pg_dump custom format); `restore FILE` brings it back."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")

    def handle(self, *args, file, verbosity, **options):
        try:
            path = backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if verbosity >= 1:
            self.stdout.write(f"backed up to {path} ({path.stat().st_size:,} bytes)")
