from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Knowledge index"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import pre_migrate

        from . import signals
        from .checks import check_pgvector_before_migrate

        signals.connect()
        pre_migrate.connect(check_pgvector_before_migrate, dispatch_uid="knowledge_require_pgvector")
