"""The groups that decide (Secretariat), review project ideas (Task force reviewers) and submit them (Partners)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    "Secretariat": [
        ("wagtailadmin", "access_admin"),
        ("community", "view_membershipapplication"),
        ("community", "change_membershipapplication"),
        ("community", "delete_membershipapplication"),
        ("community", "view_taskforceapplication"),
        ("community", "change_taskforceapplication"),
        ("community", "delete_taskforceapplication"),
        ("community", "view_projectideasubmission"),
        ("community", "change_projectideasubmission"),
    ],
    "Task force reviewers": [("wagtailadmin", "access_admin")],
    "Partners": [("community", "add_projectideasubmission")],
}


def create_groups(apps, schema_editor):
    # Permissions of new models are normally created after all migrations ran; this one needs them now.
    # The historical app config has no models module, which create_permissions() checks for.
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
