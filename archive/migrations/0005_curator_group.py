"""The "curator" group: edits archive data and its history, reads import runs
and merge records, and has no permission on users or groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ_ONLY = {"importrun", "mergerecord"}


def create_curator_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after `migrate`; this migration needs them now.
    archive = apps.get_app_config("archive")
    archive.models_module = True
    create_permissions(archive, apps=apps, verbosity=0)
    permissions = [
        permission
        for permission in Permission.objects.filter(content_type__app_label="archive").select_related("content_type")
        if permission.content_type.model not in READ_ONLY or permission.codename.startswith("view_")
    ]
    group, _ = Group.objects.get_or_create(name="curator")
    group.permissions.set(permissions)


def remove_curator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="curator").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0004_search"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_curator_group, remove_curator_group)]
