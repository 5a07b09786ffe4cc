from django.apps import AppConfig


class WiringConfig(AppConfig):
    """Connections that need every app loaded, hence last in INSTALLED_APPS: the page cache reads Wagtail's snippet
    registry, which is filled when wagtail.snippets is ready (after cms)."""

    name = "config"
    verbose_name = "Wiring"

    def ready(self) -> None:
        from cms import page_cache

        page_cache.connect()
