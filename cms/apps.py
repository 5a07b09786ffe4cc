from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
        # The page cache's receivers are connected once every app is ready (config/apps.py).

        from cms import rich_text

        rich_text.install()
