"""One limit on password guesses for every form that takes a password (community/signin_limit.py, through
config.middleware.SignInRateLimitMiddleware): the Wagtail admin's sign-in, the site's sign-in in each language,
(Wagtail's bare /_util/login/ leads there), and the page and document password forms. Counted per address and name, per address and
per name; past a limit 429 with Retry-After, never a sign-in. Restricted pages and documents send visitors to the
site's own sign-in page."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from cms.models import StandardPage
from community.signin_limit import Attempt
from tests.conftest import add_page, publish

pytestmark = pytest.mark.django_db

PASSWORD = "right-password-123"
HERE = "203.0.113.7"
# Every form that signs a user in, in every language it is served in.
USER_FORMS = [
    "/admin/login/",
    "/accounts/login/",
    "/fr/accounts/login/",
    "/es/accounts/login/",
]


@pytest.fixture(autouse=True)
def rates(settings):
    settings.SIGN_IN_RATE = "5/15m"
    settings.SIGN_IN_ADDRESS_RATE = "20/15m"
    settings.SIGN_IN_USERNAME_RATE = "20/h"
    settings.SIGN_IN_IP_HEADER = ""


@pytest.fixture
def editor(site_tree):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(client, url: str, username: str, password: str, address: str = HERE):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def assert_refused(response, *, window: int) -> None:
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= window
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]


# --- Every password form, the same rule ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", USER_FORMS)
def test_five_wrong_passwords_then_the_right_one_is_refused(client, editor, url):
    for _ in range(5):
        response = sign_in(client, url, "editor", "wrong")
        assert response.status_code == 200 and not signed_in(client)
    refused = sign_in(client, url, "Editor", PASSWORD)  # names compare case-insensitively
    assert_refused(refused, window=15 * 60)
    assert "Too many failed sign-in attempts" in refused.content.decode() or url.startswith(("/fr/", "/es/"))
    assert not signed_in(client)
    # Another name from this address, and this name from another address, are not blocked by this counter.
    assert sign_in(client, url, "someone-else", "wrong").status_code == 200
    assert sign_in(client, url, "editor", PASSWORD, address="198.51.100.20").status_code == 302
    assert signed_in(client)


def test_the_name_counts_as_the_form_reads_it(client, editor):
    """The sign-in form signs "ｅｄｉｔｏｒ" (full-width letters, NFKC) in as "editor": same counters."""
    for _ in range(5):
        sign_in(client, "/accounts/login/", "editor", "wrong")
    assert_refused(sign_in(client, "/accounts/login/", " ｅｄｉｔｏｒ ", PASSWORD), window=15 * 60)
    assert not signed_in(client)


def test_the_refusal_is_a_page_in_the_visitors_language(client, editor):
    for _ in range(5):
        sign_in(client, "/fr/accounts/login/", "editor", "wrong")
    refused = sign_in(client, "/fr/accounts/login/", "editor", PASSWORD)
    assert refused.status_code == 429
    assert "Trop de tentatives de connexion échouées" in refused.content.decode()
    assert '<html lang="fr"' in refused.content.decode()


def test_the_forms_share_one_count(client, editor):
    """Failures on one form count on the others: the admin's and the site's in any language."""
    for number in range(5):
        assert sign_in(client, USER_FORMS[number % len(USER_FORMS)], "editor", "wrong").status_code == 200
    for url in USER_FORMS:
        assert_refused(sign_in(client, url, "editor", PASSWORD), window=15 * 60)
    assert not signed_in(client)


def test_spraying_many_names_from_one_address_is_limited(client, editor):
    for number in range(20):
        url = USER_FORMS[number % len(USER_FORMS)]
        assert sign_in(client, url, f"guess-{number}", "wrong").status_code == 200
    # Whatever the name and the form, even a right password: this address is done for the window.
    assert_refused(sign_in(client, "/accounts/login/", "editor", PASSWORD), window=15 * 60)
    assert_refused(sign_in(client, "/admin/login/", "guess-99", "wrong"), window=15 * 60)
    assert not signed_in(client)
    # Another address is not.
    assert sign_in(client, "/admin/login/", "editor", PASSWORD, address="198.51.100.20").status_code == 302


def test_one_name_from_many_addresses_is_limited(client, editor):
    for number in range(20):
        url = USER_FORMS[number % len(USER_FORMS)]
        assert sign_in(client, url, "editor", "wrong", address=f"198.51.100.{number}").status_code == 200
    refused = sign_in(client, "/admin/login/", "editor", PASSWORD, address="192.0.2.1")
    assert_refused(refused, window=60 * 60)
    assert int(refused["Retry-After"]) > 15 * 60  # the name's window is the hour
    assert not signed_in(client)
    # Other accounts from that fresh address still sign in.
    get_user_model().objects.create_user("partner", password="pw-partner")
    assert (
        sign_in(client, "/accounts/login/", "partner", "pw-partner", address="192.0.2.1").status_code == 302
    )


def test_a_sign_in_clears_only_its_address_and_name_count(client, editor, settings):
    settings.SIGN_IN_ADDRESS_RATE = "8/15m"
    for _ in range(4):
        sign_in(client, "/admin/login/", "editor", "wrong")
    assert sign_in(client, "/admin/login/", "editor", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):  # the pair counts from zero again ...
        assert sign_in(client, "/accounts/login/", "editor", "wrong").status_code == 200
    # ... but the address keeps its 8 failures (4 before the sign-in, 4 after): a 9th is refused.
    assert_refused(sign_in(client, "/accounts/login/", "nobody", "wrong"), window=15 * 60)


def test_a_signed_in_user_cannot_guess_others_passwords_for_free(client, editor):
    """Wagtail's admin sign-in takes a POST from a signed-in user too: his own session is no success."""
    get_user_model().objects.create_user("partner", password="pw-partner")
    client.force_login(get_user_model().objects.get(username="partner"))
    for _ in range(5):
        assert sign_in(client, "/admin/login/", "editor", "wrong").status_code == 200
    assert_refused(sign_in(client, "/admin/login/", "editor", PASSWORD), window=15 * 60)


def test_a_csrf_refusal_is_not_an_attempt(editor):
    browser = Client(enforce_csrf_checks=True)
    for _ in range(10):
        assert sign_in(browser, "/accounts/login/", "editor", "wrong").status_code == 403
    client = Client()
    for _ in range(5):  # the five failures the limit allows are all still there ...
        assert sign_in(client, "/accounts/login/", "editor", "wrong").status_code == 200
    assert_refused(sign_in(client, "/accounts/login/", "editor", PASSWORD), window=15 * 60)  # ... and no more


def test_attempts_in_flight_hold_their_slots(editor):
    """Parallel guesses cannot pass the limit: five attempts not yet answered leave no room for a sixth."""
    in_flight = [Attempt(address=HERE, account="user:editor") for _ in range(5)]
    assert [attempt.seconds_to_wait() for attempt in in_flight] == [None] * 5
    assert Attempt(address=HERE, account="user:editor").seconds_to_wait() > 0
    in_flight[0].settle(attempted=True, succeeded=True)
    assert Attempt(address=HERE, account="user:editor").seconds_to_wait() is None


def test_the_count_lasts_its_window_on_the_shared_file_cache(client, editor, tmp_path, monkeypatch):
    """Production without Redis: the workers' file cache has no native increment; a count must still last the
    whole window, not the cache's default 5 minutes after the last failure."""
    shared = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)}
    clock = [time.time()]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    with override_settings(CACHES={"default": shared, "shared": shared}, SIGN_IN_CACHE="shared"):
        for _ in range(5):
            assert sign_in(client, "/accounts/login/", "editor", "wrong").status_code == 200
        clock[0] += 6 * 60
        refused = sign_in(client, "/accounts/login/", "editor", PASSWORD)
        assert_refused(refused, window=9 * 60)
        clock[0] += 9 * 60 + 1
        assert sign_in(client, "/accounts/login/", "editor", PASSWORD).status_code == 302


# --- Page and document passwords ---------------------------------------------------------------------------------


@pytest.fixture
def password_page(site_tree):
    page = add_page(site_tree.home, StandardPage, title="Password corner", intro="Confidential pipeline.")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-pass"
    )
    return page, f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def make_document(collection: Collection):
    document = get_document_model()(title="Field notes", collection=collection)
    document.file.save("field-notes.pdf", ContentFile(b"%PDF-1.4 field notes"), save=False)
    document.save()
    return document


def private_collection() -> Collection:
    return Collection.get_first_root_node().add_child(name="Private notes")


def test_page_password_guesses_are_limited(client, password_page):
    page, url = password_page
    for _ in range(5):
        response = client.post(url, {"password": "wrong", "return_url": page.url}, REMOTE_ADDR=HERE)
        assert response.status_code == 200
    refused = client.post(url, {"password": "s3cret-pass", "return_url": page.url}, REMOTE_ADDR=HERE)
    assert_refused(refused, window=15 * 60)
    assert "Confidential pipeline." not in client.get(page.url, REMOTE_ADDR=HERE).content.decode()
    # From another address the right password still opens the page.
    other = client.post(url, {"password": "s3cret-pass", "return_url": page.url}, REMOTE_ADDR="198.51.100.20")
    assert other.status_code == 302
    assert "Confidential pipeline." in client.get(page.url).content.decode()


def test_page_password_guesses_from_many_addresses_are_limited(client, password_page):
    page, url = password_page
    for number in range(20):
        address = f"198.51.100.{number}"
        client.post(url, {"password": f"guess-{number}", "return_url": page.url}, REMOTE_ADDR=address)
    refused = client.post(url, {"password": "s3cret-pass", "return_url": page.url}, REMOTE_ADDR="192.0.2.1")
    assert_refused(refused, window=60 * 60)


def test_document_password_guesses_are_limited(client, site_tree):
    collection = private_collection()
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="s3cret-pass"
    )
    document = make_document(collection)
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    for _ in range(5):
        response = client.post(url, {"password": "wrong", "return_url": document.url}, REMOTE_ADDR=HERE)
        assert response.status_code == 200
    refused = client.post(url, {"password": "s3cret-pass", "return_url": document.url}, REMOTE_ADDR=HERE)
    assert_refused(refused, window=15 * 60)
    assert client.get(document.url, REMOTE_ADDR=HERE).status_code == 200  # the password form again
    assert not client.get(document.url, REMOTE_ADDR=HERE).get("Content-Disposition")


def test_page_passwords_and_sign_ins_share_the_address_count(client, editor, password_page):
    page, url = password_page
    for number in range(5):
        response = client.post(url, {"password": f"guess-{number}", "return_url": page.url}, REMOTE_ADDR=HERE)
        assert response.status_code == 200
    for number in range(15):
        assert sign_in(client, "/accounts/login/", f"guess-{number}", "wrong").status_code == 200
    assert_refused(sign_in(client, "/admin/login/", "editor", PASSWORD), window=15 * 60)


# --- Restricted pages and documents send visitors to the site's sign-in --------------------------------------------


def test_a_restricted_page_sends_visitors_to_the_sites_sign_in_and_back(client, site_tree, editor):
    page = add_page(site_tree.home, StandardPage, title="Members corner", intro="Members-only minutes.")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={page.url}"
    form = client.get(response.url)
    assert f'name="next" value="{page.url}"' in form.content.decode()
    signed = client.post("/accounts/login/", {"username": "editor", "password": PASSWORD, "next": page.url})
    assert signed.status_code == 302 and signed.url == page.url
    assert "Members-only minutes." in client.get(page.url).content.decode()


def test_a_french_restricted_page_sends_visitors_to_the_french_sign_in(client, site_tree):
    page = add_page(site_tree.home, StandardPage, title="Members corner", intro="Members-only minutes.")
    french = page.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.title = "Coin des membres"
    french = publish(french)
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(french.url)
    assert french.url.startswith("/fr/")
    assert response.status_code == 302 and response.url == f"/fr/accounts/login/?next={french.url}"


def test_a_restricted_document_sends_visitors_to_the_sites_sign_in(client, site_tree, editor):
    collection = private_collection()
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = make_document(collection)

    response = client.get(document.url)
    assert response.status_code == 302 and response.url == f"/accounts/login/?next={document.url}"
    signed = client.post(
        "/accounts/login/", {"username": "editor", "password": PASSWORD, "next": document.url}
    )
    assert signed.status_code == 302 and signed.url == document.url
    assert client.get(document.url).status_code == 200


def test_the_django_admin_is_not_served(client, editor):
    assert client.get("/django-admin/login/").status_code == 404
    assert (
        client.post("/django-admin/login/", {"username": "editor", "password": PASSWORD}).status_code == 404
    )


@pytest.mark.parametrize("url", ["/_util/login/", "/fr/_util/login/"])
def test_wagtails_bare_sign_in_leads_to_the_sites_own(client, editor, url):
    response = client.get(url, {"next": "/projects/private/"})
    assert response.status_code == 302
    assert response["Location"].startswith(url.removesuffix("_util/login/") + "accounts/login/?next=")
    assert "/projects/private/" in response["Location"]
    posted = sign_in(client, url, "editor", PASSWORD)
    assert posted.status_code == 302 and not signed_in(client)
