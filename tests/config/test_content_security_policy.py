"""The Content-Security-Policy header (config/csp.py): strict on every site response, cached ones included, the
admin's own policy under /admin/, and site templates that need nothing the strict policy forbids. The browser
half (an injected script does not run; the admin editor and preview work) is tests/browser/test_content_security_policy.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

from cms.models import ProjectPage
from tests.conftest import add_page

ROOT = Path(settings.BASE_DIR)


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_strict(response) -> None:
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    ["/", "/fr/", "/projects/", "/search/?q=soil", "/join/", "/accounts/login/", "/api/search/?q=soil"],
)
def test_every_site_response_carries_the_strict_policy(client, site_tree, path):
    add_page(site_tree.projects, ProjectPage, title="Cover crops", summary="Soil carbon.")
    response = client.get(path)
    assert response.status_code in (200, 302), path
    assert_strict(response)


def test_a_page_served_from_the_page_cache_keeps_the_policy(client, site_tree, django_assert_num_queries):
    project = add_page(site_tree.projects, ProjectPage, title="Cover crops", summary="Soil carbon.")
    client.get(project.url)
    with django_assert_num_queries(0):
        cached = client.get(project.url)
    assert_strict(cached)


def test_the_admin_has_its_own_policy(client, db):
    policy = directives(client.get("/admin/login/"))
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def site_templates() -> list[Path]:
    """Templates visitors see: the project's own, the site's forms; not the admin screens."""
    found = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/community/**/*.html")]
    return [path for path in found if "admin" not in path.parts and "panels" not in path.parts]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)


@pytest.mark.parametrize("pattern", [INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE, STYLE_ELEMENT])
def test_site_templates_need_no_inline_script_handler_or_style(pattern):
    templates = site_templates()
    assert len(templates) > 30
    offenders = [str(path.relative_to(ROOT)) for path in templates if pattern.search(path.read_text())]
    assert offenders == []
