"""Kept only for the migrations: 0001_initial and 0003_partner_directory name `cms.models.pages.KnowledgeMixin` as
a base of the page models they create, and a migration must go on importing. The page types are in the modules of
their domain (cms/models/__init__.py); import nothing from here.
"""

from .base import KnowledgeMixin

__all__ = ["KnowledgeMixin"]
