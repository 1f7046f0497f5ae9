from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Lưu trữ dân vận"
    default_auto_field = "django.db.models.BigAutoField"
