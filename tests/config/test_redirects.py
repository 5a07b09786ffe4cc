"""Every redirect the project makes stays on this site (cms/redirects.py), whatever the address carries."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from cms.redirects import site_path

HOSTILE_ALIASES = [
    "/en//evil.example/",
    "/en///evil.example/x",
    "/en/%2F%2Fevil.example/x",
    "/en/%2f%2fevil.example",
    "/en/%5Cevil.example/",
    "/en/%5C%5Cevil.example/",
    "/en/%2F%5Cevil.example/",
    "/en/%09/evil.example/",
    "/en/http://evil.example/",
    "/en/https:evil.example",
    "/en//%2Fevil.example",
]


def lands_on(location: str) -> str:
    """The host a browser goes to: WHATWG URL parsing treats a backslash as a slash in http(s) URLs."""
    return urlsplit(urljoin("http://testserver/en/", location.replace("\\", "/"))).netloc


@pytest.mark.parametrize("path", HOSTILE_ALIASES)
def test_the_english_alias_never_leaves_the_site(client, db, path):
    response = client.get(path)
    assert response.status_code == 301
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location
    assert lands_on(location) == "testserver", location


def test_the_english_alias_keeps_its_path_and_query(client, db):
    response = client.get("/en/projects/some-project/?status=funded&region=africa")
    assert response.status_code == 301
    assert response["Location"] == "/projects/some-project/?status=funded&region=africa"
    assert client.get("/en/")["Location"] == "/"


def test_site_path_encodes_what_a_url_could_not_hold():
    assert site_path("//evil.example/a b") == "/evil.example/a%20b"
    assert site_path("\\\\evil.example") == "/evil.example"
    assert site_path("a\\b") == "/a%5Cb"
    assert site_path("x\r\nSet-Cookie: a=b") == "/x%0D%0ASet-Cookie:%20a%3Db"


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "/\\evil.example/",
        "https://evil.example/",
        "javascript:alert(1)",
        "\\\\evil.example",
    ],
)
def test_a_result_click_refuses_other_hosts(client, db, target):
    response = client.get("/search/click/", {"to": target, "q": "soil", "rank": "1"})
    assert response.status_code == 400


def test_a_result_click_follows_a_page_of_this_site(client, db):
    response = client.get("/search/click/", {"to": "/projects/", "q": "soil", "rank": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/projects/"
