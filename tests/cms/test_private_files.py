"""Private files are private (cms/media.py): a restricted document's bytes come back from no URL an anonymous
visitor can build, with DEBUG off (production) and on (`make run`), while public documents and images are served,
by Django or, with DOCUMENTS_SERVE=nginx, by the proxy through X-Accel-Redirect."""

from __future__ import annotations

import importlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.models import Organization, ProjectDocument, ProjectPage, ResourceDocument, ResourcePage
from community.access import PARTNERS, TASK_FORCE_REVIEWERS
from community.models import ProjectIdeaSubmission
from community.services import submit_project_idea
from tests.builders import pdf_bytes
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
Document = get_document_model()
Image = get_image_model()


@dataclass
class Files:
    public: Document  # used by a live, public resource page
    members_only: Document  # in a collection for signed-in users
    draft_only: Document  # used only by an unpublished page
    private_page_only: Document  # used only by a page for signed-in users
    concept_note: Document  # a project idea's, under review
    image: Image
    private_image: Image  # in the members-only collection

    def restricted(self) -> dict[str, Document]:
        return {
            "members only": self.members_only,
            "draft only": self.draft_only,
            "private page only": self.private_page_only,
            "concept note under review": self.concept_note,
        }


def make_document(title: str, name: str, collection=None) -> Document:
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(pdf_bytes(f"{title}: for its readers only.")), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def make_image(title: str, name: str, collection=None) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "darkgreen").save(buffer, "PNG")
    image = Image(
        title=title,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name=name),
        collection=collection or Collection.get_first_root_node(),
    )
    image.save()
    return image


def make_user(username: str, *groups: str, **fields):
    user = get_user_model().objects.create_user(username, password="x", **fields)
    user.groups.set([Group.objects.get_or_create(name=name)[0] for name in groups])
    return user


@pytest.fixture
def files(site_tree) -> Files:
    members = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=members, restriction_type=CollectionViewRestriction.LOGIN
    )
    public = make_document("Soil sampling guide", "soil-sampling-guide.pdf")
    add_page(
        site_tree.resources,
        ResourcePage,
        title="Soil sampling guide",
        summary="How to sample soil organic carbon.",
        year=2024,
        documents=[ResourceDocument(document=public)],
    )
    members_only = make_document(
        "Task force leaders' internal handbook", "task-force-leaders-internal-handbook.pdf", members
    )
    draft_only = make_document("Draft budget", "draft-budget.pdf")
    draft = add_page(
        site_tree.projects,
        ProjectPage,
        title="A project not yet published",
        summary="Not ready.",
        status="idea",
        documents=[ProjectDocument(document=draft_only)],
        live=False,
    )
    draft.save_revision()
    private_page_only = make_document("Members briefing", "members-briefing.pdf")
    private_page = add_page(
        site_tree.projects,
        ProjectPage,
        title="Members-only project",
        summary="For members.",
        status="funded",
        documents=[ProjectDocument(document=private_page_only)],
    )
    PageViewRestriction.objects.create(page=private_page, restriction_type=PageViewRestriction.LOGIN)
    idea = submit_project_idea(
        user=make_user("partner", PARTNERS),
        index=site_tree.projects,
        title="Soil carbon baselines for cocoa farms",
        summary="Baseline plots under shade trees.",
        objectives=[],
        countries=[],
        practices=[],
        funding_sought=None,
        currency="EUR",
        lead_organization=Organization.objects.create(
            name="Rift Valley Soil Institute", kind=Organization.Kind.RESEARCH, membership="member"
        ),
        contact_name="Kwame Asante",
        contact_email="kwame@example.org",
        concept_note=SimpleUploadedFile("concept.pdf", pdf_bytes("Concept note: cocoa shade trees.")),
        language="en",
        notify=False,
    )
    return Files(
        public=public,
        members_only=members_only,
        draft_only=draft_only,
        private_page_only=private_page_only,
        concept_note=ProjectIdeaSubmission.objects.get(page_id=idea.pk).concept_note,
        image=make_image("Cover crops", "cover-crops.png"),
        private_image=make_image("Board photo", "board-photo.png", members),
    )


def _reload_urls() -> None:
    importlib.reload(importlib.import_module(django_settings.ROOT_URLCONF))
    clear_url_caches()


@pytest.fixture(params=[False, True], ids=["DEBUG off (production)", "DEBUG on (make run)"])
def urlconf(request, settings):
    """The URLconf as each environment builds it: config/urls.py is read once, at import, with DEBUG as it is."""
    settings.DEBUG = request.param
    _reload_urls()
    yield
    settings.DEBUG = False
    _reload_urls()


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def fetch(client, url: str):
    response = client.get(url)
    while response.status_code == 301:  # /en/... is an alias of the same address without the prefix
        response = client.get(response["Location"])
    return response


def anonymous_urls(document: Document) -> list[str]:
    name = document.file.name  # documents/<file>
    base = name.split("/", 1)[1]
    encoded = quote(name, safe="")
    return [
        f"/media/{name}",
        f"/media/documents/{base}",
        f"/media/documents%2F{base}",
        f"/media/%64ocuments/{base}",
        f"/media/{encoded}",
        f"/media/images/../{name}",
        f"/media/images/%2E%2E/{name}",
        f"/media/original_images/..%2F{encoded}",
        f"/media/images/..%5C{base}",
        f"/media/images/../../media/{name}",
        f"/media//{name}",
        f"/media/./{name}",
        f"/static/../media/{name}",
        f"/static/%2E%2E/media/{name}",
        f"/fr/media/{name}",
        f"/en/media/{name}",
        document.url,
        f"http://testserver{document.url}",
        f"/documents/{document.pk}/",
        f"/documents/{document.pk}/{quote(document.filename)}",
        f"/documents/{document.pk}/{document.filename.upper()}",
        f"/documents/{document.pk}/../{document.pk}/{document.filename}",
        f"/fr/documents/{document.pk}/{document.filename}",
        f"/en/documents/{document.pk}/{document.filename}",
        f"/api/v2/documents/{document.pk}/",
    ]


def stored(document_or_image) -> bytes:
    with document_or_image.file.open("rb") as handle:
        return handle.read()


def leaks(response, secret: bytes, *, statuses=(302, 403, 404)) -> list[str]:
    """What is wrong with an answer to a visitor who may not have the file whose bytes are `secret`."""
    found = []
    content = body(response)
    if response.status_code not in statuses:
        found.append(f"status {response.status_code}")
    if b"%PDF" in content or secret in content:
        found.append("the file's bytes")
    if response.has_header("X-Accel-Redirect"):
        found.append(f"X-Accel-Redirect {response['X-Accel-Redirect']}")
    if response.status_code == 302:  # to the sign-in page, not to a file here or on a storage's host
        location = urlsplit(response["Location"])
        if location.netloc not in ("", "testserver") or location.path.startswith(("/media/", "/documents/")):
            found.append(f"redirect to {response['Location']}")
    return found


def test_a_restricted_file_comes_from_no_url_an_anonymous_visitor_can_build(client, files, urlconf):
    failures = []
    for label, document in files.restricted().items():
        secret = stored(document)
        for url in anonymous_urls(document):
            problems = leaks(fetch(client, url), secret)
            if problems:
                failures.append(f"{label}: {url} -> {', '.join(problems)}")
        # Wagtail's password form for the collection's restrictions: a form, never the file, even for a guess.
        for restriction in document.collection.get_view_restrictions():
            url = f"/documents/authenticate_with_password/{restriction.pk}/"
            for response in (
                client.get(url),
                client.post(url, {"password": "", "return_url": document.url}),
                client.post(url, {"password": "guess", "return_url": document.url}),
            ):
                problems = leaks(response, secret, statuses=(200, 302, 403, 404))
                if problems:
                    failures.append(f"{label}: {url} -> {', '.join(problems)}")
            if problems := leaks(client.get(document.url), secret):
                failures.append(f"{label}: {document.url} after the password form -> {', '.join(problems)}")
    rendition = files.private_image.get_rendition("width-20")
    for url in (files.private_image.file.url, rendition.url):  # Django's /media/ view: public images only
        if (status := client.get(url).status_code) != 404:
            failures.append(f"image in a restricted collection: {url} -> {status}")
    assert failures == []


def test_files_are_served_to_those_who_may_see_them(client, files, urlconf):
    # Anyone: a public document, by its address and by the API's download_url; an image and its rendition.
    for url in (
        files.public.url,
        client.get(f"/api/v2/documents/{files.public.pk}/").json()["meta"]["download_url"],
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert body(response) == stored(files.public)
    rendition = files.image.get_rendition("width-20")
    for url, expected in ((rendition.url, stored(rendition)), (files.image.file.url, stored(files.image))):
        assert url.startswith(("/media/images/", "/media/original_images/"))
        response = client.get(url)
        assert response.status_code == 200, url
        assert body(response) == expected
    # A signed-in visitor: the members' collection and the private page's document, not the draft's.
    client.force_login(make_user("member"))
    for document in (files.members_only, files.private_page_only):
        assert body(client.get(document.url)) == stored(document)
    assert client.get(files.draft_only.url).status_code == 404
    # Those who use the admin: the draft's document; the reviewers: the concept note under review.
    client.force_login(make_user("ed", "Editors"))
    assert body(client.get(files.draft_only.url)) == stored(files.draft_only)
    client.force_login(make_user("rev", TASK_FORCE_REVIEWERS))
    assert body(client.get(files.concept_note.url)).startswith(b"%PDF-")


def test_with_nginx_the_proxy_sends_public_documents_and_nothing_else(client, files, settings):
    settings.DOCUMENTS_SERVE = "nginx"
    response = client.get(files.public.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/media/{files.public.file.name}"
    assert body(response) == b""
    assert response["Content-Type"] == "application/pdf"
    assert files.public.filename in response["Content-Disposition"]
    for label, document in files.restricted().items():
        assert leaks(client.get(document.url), stored(document)) == [], label


def test_with_object_storage_only_permitted_visitors_are_redirected_to_the_file(client, files, settings):
    secrets = {label: (document, stored(document)) for label, document in files.restricted().items()}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"base_url": "https://bucket.example.org/"},
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"  # what DOCUMENTS_SERVE=redirect sets (the next test)
    response = client.get(files.public.url)
    assert response.status_code == 302
    assert response["Location"] == f"https://bucket.example.org/{files.public.file.name}"
    for label, (document, secret) in secrets.items():
        assert leaks(client.get(document.url), secret) == [], label


def settings_with(**env) -> dict:
    script = (
        "import json; from django.conf import settings;"
        "print(json.dumps({name: getattr(settings, name, None) for name in"
        " ('DOCUMENTS_SERVE', 'WAGTAILDOCS_SERVE_METHOD', 'SENDFILE_BACKEND')}))"
    )
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DOCUMENTS_SERVE", "MEDIA_STORAGE_BACKEND", "MEDIA_STORAGE_OPTIONS"}
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="private-files-test-" + "x" * 50,
        ALLOWED_HOSTS="hub.example.org",
        DATABASE_URL="postgresql://hub:pw@db.example.org:5432/soilhub",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_documents_serve_setting():
    sendfile = {"SENDFILE_BACKEND": "cms.media"}
    assert settings_with() == {
        "DOCUMENTS_SERVE": "django",
        "WAGTAILDOCS_SERVE_METHOD": "serve_view",
        **sendfile,
    }
    assert settings_with(DOCUMENTS_SERVE="nginx") == {
        "DOCUMENTS_SERVE": "nginx",
        "WAGTAILDOCS_SERVE_METHOD": "serve_view",
        **sendfile,
    }
    s3 = {"MEDIA_STORAGE_BACKEND": "django.core.files.storage.InMemoryStorage"}
    assert settings_with(**s3) == {
        "DOCUMENTS_SERVE": "redirect",
        "WAGTAILDOCS_SERVE_METHOD": "redirect",
        **sendfile,
    }
    assert "nginx the local disk" in settings_with(DOCUMENTS_SERVE="nginx", **s3)["error"]
    assert "redirect needs MEDIA_STORAGE_BACKEND" in settings_with(DOCUMENTS_SERVE="redirect")["error"]
    assert "must be django, nginx or redirect" in settings_with(DOCUMENTS_SERVE="apache")["error"]


def test_the_readme_shows_deploy_nginx_conf():
    """The site (deploy/nginx.conf) and the locations it includes (deploy/soilhub-locations.conf, also included by
    bench/stack.py), shown in the README in that order."""
    readme = (ROOT / "README.md").read_text()
    shown = [block.split("\n```", 1)[0] + "\n" for block in readme.split("```nginx\n")[1:3]]
    assert shown == [
        (ROOT / "deploy" / "nginx.conf").read_text(),
        (ROOT / "deploy" / "soilhub-locations.conf").read_text(),
    ]
