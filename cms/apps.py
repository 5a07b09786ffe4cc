from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import page_cache, signals

        signals.connect()
        page_cache.connect()

        from cms import rich_text

        rich_text.install()
