from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The content model's editor panel gets its suggestions from here: cms never imports search.
        from cms.panels import register_related_suggestions

        from .editor import related_suggestions

        register_related_suggestions(related_suggestions)

        from django.db.models.signals import post_delete, post_save

        from .crosslingual import clear_glossary_cache
        from .models import GlossaryTerm

        post_save.connect(clear_glossary_cache, sender=GlossaryTerm, dispatch_uid="glossary_saved")
        post_delete.connect(clear_glossary_cache, sender=GlossaryTerm, dispatch_uid="glossary_deleted")
        # The glossary changes what the keyword side searches: cached search results go with a new generation
        # (search/result_cache.py keys on the page cache's).
        from cms.page_cache import new_generation

        post_save.connect(new_generation, sender=GlossaryTerm, dispatch_uid="glossary_saved_generation")
        post_delete.connect(new_generation, sender=GlossaryTerm, dispatch_uid="glossary_deleted_generation")
