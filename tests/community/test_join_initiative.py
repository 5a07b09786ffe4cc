"""/join/: an organization applies to join the Initiative with its signed declaration of intent (a PDF)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from community.models import MembershipApplication, Status

from .conftest import fake_pdf_upload, pdf_bytes, pdf_upload, private_files

pytestmark = pytest.mark.django_db


def form_data(community, **overrides) -> dict:
    data = {
        "organization_name": "Lake Victoria Soil Stewards",
        "kind": "ngo",
        "country": community.kenya.pk,
        "website": "https://stewards.example.org",
        "contact_name": "Achieng Wafula",
        "contact_email": "achieng@example.org",
        "motivation": "We train farmer groups in composting and agroforestry.",
        "declaration": pdf_upload(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def field_errors(response, field: str) -> list[str]:
    """The error messages rendered next to one field (inside its form-field block)."""
    html = response.content.decode()
    match = re.search(rf'id="field-{field}".*?</(?:div|fieldset)>', html, re.S)
    assert match, f"field {field} not rendered"
    found = re.findall(r'<ul class="form-field__errors"[^>]*>\s*<li>(.*?)</li>', match.group(0), re.S)
    return [" ".join(message.split()) for message in found]


def test_the_form_is_offered(client, community):
    response = client.get("/join/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in (
        "organization_name",
        "kind",
        "country",
        "website",
        "contact_name",
        "contact_email",
        "motivation",
    ):
        assert f'name="{name}"' in html
    assert 'type="file" name="declaration"' in html and 'accept="application/pdf,.pdf"' in html
    declaration = BeautifulSoup(html, "html.parser").find("label", attrs={"for": "id_declaration"})
    assert "(required)" in declaration.get_text(), "the declaration is marked required like the other fields"
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    assert "/strategy/" in html and "task-force/join/" in html, "links to the task forces' joining forms"


def test_an_application_is_stored_privately_and_the_secretariat_told(client, post, community):
    response = post("/join/", form_data(community))
    assert response.status_code == 302 and response["Location"] == "/join/received/"
    application = MembershipApplication.objects.get()
    assert application.status == Status.RECEIVED
    assert (application.organization_name, application.kind, application.country) == (
        "Lake Victoria Soil Stewards",
        "ngo",
        community.kenya,
    )
    assert application.contact_email == "achieng@example.org"
    # The declaration: under the private root, outside MEDIA_ROOT, under a random name, with its bytes intact.
    stored = Path(application.declaration.path)
    assert stored.is_relative_to(Path(settings.COMMUNITY_PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "declaration" not in stored.name and stored.suffix == ".pdf"
    assert stored.read_bytes() == pdf_bytes()
    with pytest.raises(ValueError):
        application.declaration.url  # noqa: B018 - private files have no URL
    # Only the Secretariat is emailed, with the admin link; the applicant's typed address gets nothing.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [settings.COMMUNITY_SECRETARIAT_EMAIL]
    assert "Lake Victoria Soil Stewards" in message.subject
    assert f"/admin/membership_applications/edit/{application.pk}/" in message.body
    assert client.get("/join/received/").status_code == 200


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (fake_pdf_upload, "This file is not a PDF"),
        (lambda: pdf_upload(data=b"%PDF-1.7\n" + b"\x00garbage" * 200), "damaged or incomplete"),
        (lambda: pdf_upload(data=pdf_bytes()[:400]), "damaged or incomplete"),
        (
            lambda: SimpleUploadedFile(
                "scan.png", b"\x89PNG\r\n\x1a\n" + b"0" * 500, content_type="image/png"
            ),
            "This file is not a PDF",
        ),
    ],
    ids=["text-named-pdf", "pdf-signature-then-garbage", "truncated-pdf", "png"],
)
def test_a_file_that_is_not_a_readable_pdf_is_refused_next_to_the_field(post, community, upload, message):
    response = post("/join/", form_data(community, declaration=upload()))
    assert response.status_code == 400
    errors = field_errors(response, "declaration")
    assert errors and message in errors[0], errors
    assert not MembershipApplication.objects.exists()
    assert private_files() == []
    assert mail.outbox == []
    # What the applicant typed is still in the form.
    assert 'value="Lake Victoria Soil Stewards"' in response.content.decode()


def test_the_declaration_is_required(post, community):
    response = post("/join/", form_data(community, declaration=None))
    assert response.status_code == 400
    assert field_errors(response, "declaration") == ["Please attach the PDF."]


def test_an_oversized_pdf_is_refused_as_it_streams_in(post, community, settings):
    settings.COMMUNITY_UPLOAD_MAX_BYTES = 100 * 1024
    big = pdf_bytes() + b"%" + b"0" * (2 * settings.COMMUNITY_UPLOAD_MAX_BYTES)  # a comment after %%EOF
    response = post("/join/", form_data(community, declaration=pdf_upload(data=big)))
    assert response.status_code == 400
    assert field_errors(response, "declaration") == [
        "The file is larger than 100.0 KB. Please send a smaller PDF."
    ]
    assert not MembershipApplication.objects.exists()
    assert private_files() == []
    html = response.content.decode()
    assert "achieng@example.org" in html, "the other answers are kept"


def test_the_honeypot_rejects_spam_without_storing_or_emailing(post, community):
    response = post("/join/", form_data(community, fax_number="+1 555 0100"))
    assert response.status_code == 400
    assert "looks as if a program filled it in" in response.content.decode()
    assert not MembershipApplication.objects.exists()
    assert private_files() == []
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people(client, community):
    html = client.get("/join/").content.decode()
    block = re.search(r'<div class="form-hp" aria-hidden="true">.*?</div>', html, re.S).group(0)
    assert 'name="fax_number"' in block and 'tabindex="-1"' in block and 'autocomplete="off"' in block


def test_a_post_without_the_csrf_token_is_refused(post, community):
    response = post("/join/", form_data(community), using=Client(enforce_csrf_checks=True))
    assert response.status_code == 403
    assert not MembershipApplication.objects.exists()
    assert private_files() == []
    assert mail.outbox == []


def test_each_client_has_a_budget_then_gets_429_with_retry_after(client, post, community, settings):
    settings.COMMUNITY_FORM_RATE = "2/h"
    for number in range(2):
        response = post("/join/", form_data(community, organization_name=f"Org {number}"))
        assert response.status_code == 302
    response = post("/join/", form_data(community, organization_name="Org 3"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Please wait 60 minutes" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert MembershipApplication.objects.count() == 2
    assert len(mail.outbox) == 2, "the refused submission sent nothing"
    # Another client address has its own budget; reading the form is never limited.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert post("/join/", form_data(community, organization_name="Org 4"), using=other).status_code == 302
    assert client.get("/join/").status_code == 200


@pytest.mark.parametrize("which", ["join", "task force", "task force join", "project idea", "sign in"])
def test_the_public_pages_are_accessible(client, community, partner_user, which):
    from bs4 import BeautifulSoup

    from tests.cms.test_rendering import assert_accessible, put_listings_in_menu

    put_listings_in_menu(community.tree)  # the main navigation is part of the check
    if which == "project idea":
        client.force_login(partner_user)
    url = {
        "join": "/join/",
        "task force": community.task_force.url,
        "task force join": community.task_force.url + "join/",
        "project idea": "/projects/submit/",
        "sign in": "/accounts/login/",
    }[which]
    response = client.get(url)
    assert response.status_code == 200
    assert_accessible(BeautifulSoup(response.content, "html.parser"))


def test_the_budget_lasts_its_whole_window_on_the_production_file_cache(post, community, settings, tmp_path):
    """Django's file cache has no native increment: it wrote the count back with the default 5-minute timeout,
    so a client over budget was let in again 5 minutes after its last submission instead of after the hour."""
    import time_machine

    settings.CACHES = {
        **settings.CACHES,
        "forms": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
    }
    settings.COMMUNITY_FORM_CACHE = "forms"
    settings.COMMUNITY_FORM_RATE = "2/h"
    with time_machine.travel(0, tick=False) as clock:
        for number in range(3):
            post("/join/", form_data(community, organization_name=f"Org {number}"))
        clock.shift(10 * 60)
        response = post("/join/", form_data(community, organization_name="Org 4"))
        assert response.status_code == 429
        assert 2900 < int(response["Retry-After"]) <= 3000
    assert MembershipApplication.objects.count() == 2
