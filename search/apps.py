from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The content model's editor panel gets its suggestions from here: cms never imports search.
        from cms.panels import register_related_suggestions

        from .editor import related_suggestions

        register_related_suggestions(related_suggestions)
