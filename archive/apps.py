from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_table(sender, using, **kwargs):
    """`migrate` makes the database cache's table (CACHE_URL=db://, the
    default) too, so a new database needs no other command."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Lưu trữ dân vận"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from archive.curation import history  # noqa: F401 - connects its signal handlers

        post_migrate.connect(create_cache_table, sender=self)
