from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Lưu trữ dân vận"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from archive.curation import history  # noqa: F401 - connects its signal handlers
