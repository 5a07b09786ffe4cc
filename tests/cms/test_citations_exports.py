"""Citations of resources (BibTeX, RIS, CSL-JSON) checked field by field, the DOI field's validation, and the
listings' streamed CSV and JSON exports: the listing's filters and visibility, all public fields, formula
injection guarded, a few statements whatever the number of rows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.models import ObjectivePage, Organization, ProjectPage, Region, ResourcePage, SoilPractice
from cms.outputs.citations import parse_name
from cms.outputs.exports import csv_safe
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

EXPORT_STATEMENTS = 13  # the route, the restrictions, one cursor, one query per relation


def resource(tree, **fields):
    values = {
        "title": "Soil carbon & farmers' practices: barriers_to adoption",
        "kind": "article",
        "year": 2020,
        "authors": "Demenois, J.; Cornelia Rumpel; FAO; et al.",
        "summary": "Workshops in France\nand Senegal.",
        "external_url": "https://example.org/article",
        "doi": "https://doi.org/10.3389/fsufs.2020.00037",
        "publisher": "Frontiers Media",
    }
    return add_page(tree.resources, ResourcePage, **{**values, **fields})


def test_the_doi_is_validated_and_stored_bare(site_tree):
    page = resource(site_tree)
    assert page.doi == "10.3389/fsufs.2020.00037"
    page.doi = "not a doi"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "doi" in error.value.message_dict
    page.doi = "doi:10.1038/s41467-020-18887-7"
    page.full_clean()


def test_names_people_and_organizations():
    assert parse_name("Demenois, J.") == {"family": "Demenois", "given": "J."}
    assert parse_name("Cornelia Rumpel") == {"family": "Rumpel", "given": "Cornelia"}
    assert parse_name("FAO") == {"literal": "FAO"}
    assert parse_name("Soil Knowledge Hub editorial team (sample)") == {
        "literal": "Soil Knowledge Hub editorial team (sample)"
    }


def test_bibtex_field_by_field(client, site_tree):
    page = resource(site_tree)
    response = client.get(page.url + "cite.bib")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("@misc{demenois2020soil,\n")
    fields = dict(line.strip().rstrip(",").split(" = ", 1) for line in text.splitlines()[1:-1])
    assert fields == {
        "author": "{Demenois, J. and Rumpel, Cornelia and {FAO} and others}",
        "title": r"{{Soil carbon \& farmers' practices: barriers\_to adoption}}",
        "year": "{2020}",
        "publisher": "{Frontiers Media}",
        "url": "{https://example.org/article}",
        "doi": "{10.3389/fsufs.2020.00037}",
        "language": "{English}",
    }
    # The page shows the same entry and links every format.
    page_text = client.get(page.url).content.decode()
    for suffix in ("cite.bib", "cite.ris", "cite.json"):
        assert f'href="{page.url}{suffix}"' in page_text
    assert "@misc{demenois2020soil," in page_text


def test_a_report_of_the_hub_cites_the_initiative_as_institution(client, site_tree):
    page = resource(site_tree, kind="report", external_url="", publisher="", doi="", authors="")
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from cms.models import ResourceDocument

    document = get_document_model().objects.create(
        title="Report", file=ContentFile(b"%PDF-1.4", name="r.pdf")
    )
    ResourceDocument.objects.create(page=page, document=document)
    text = client.get(page.url + "cite.bib").content.decode()
    assert text.startswith("@techreport{")
    assert "  institution = {4 per 1000 Initiative}," in text
    assert "doi" not in text and "author" not in text
    assert f"  url = {{http://testserver{page.url}}}," in text


def test_ris_field_by_field(client, site_tree):
    page = resource(site_tree)
    response = client.get(page.url + "cite.ris")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    lines = response.content.decode().split("\r\n")
    assert lines[-1] == ""
    tags = [tuple(line.split("  - ", 1)) for line in lines[:-1]]
    assert tags == [
        ("TY", "JOUR"),
        ("AU", "Demenois, J."),
        ("AU", "Rumpel, Cornelia"),
        ("AU", "FAO"),
        ("TI", "Soil carbon & farmers' practices: barriers_to adoption"),
        ("PY", "2020"),
        ("PB", "Frontiers Media"),
        ("UR", "https://example.org/article"),
        ("UR", "http://testserver" + page.url),
        ("DO", "10.3389/fsufs.2020.00037"),
        ("LA", "English"),
        ("AB", "Workshops in France and Senegal."),
        ("ER", ""),
    ]


def test_typed_text_cannot_add_fields_or_records_to_a_citation(client, site_tree):
    """A brace in a URL (valid to Django's URL field) ended BibTeX's url field early, the rest read as fields of
    its own; a line break in a title started a RIS line of its own ("ER  - " ends the record)."""
    page = resource(
        site_tree,
        title="Soil\r\nER  - \r\nTY  - JOUR",
        publisher="Press\nAU  - Intruder, I.",
        external_url="https://example.org/a},note={Injected}",
    )
    text = client.get(page.url + "cite.bib").content.decode()
    fields = dict(line.strip().rstrip(",").split(" = ", 1) for line in text.splitlines()[1:-1])
    assert "note" not in fields
    assert fields["url"] == "{https://example.org/a%7D,note=%7BInjected%7D}"
    assert text.count("{") == text.count("}")

    lines = client.get(page.url + "cite.ris").content.decode().split("\r\n")
    tags = [tuple(line.split("  - ", 1)) for line in lines[:-1]]
    assert [tag for tag, _ in tags].count("ER") == 1 and [tag for tag, _ in tags].count("TY") == 1
    assert [tag for tag, _ in tags].count("AU") == 3
    assert ("TI", "Soil ER - TY - JOUR") in tags and ("PB", "Press AU - Intruder, I.") in tags


def test_csl_json_field_by_field(client, site_tree):
    page = resource(site_tree)
    response = client.get(page.url + "cite.json")
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    (item,) = json.loads(response.content)
    assert item == {
        "id": "demenois2020soil",
        "type": "article-journal",
        "title": "Soil carbon & farmers' practices: barriers_to adoption",
        "author": [
            {"family": "Demenois", "given": "J."},
            {"family": "Rumpel", "given": "Cornelia"},
            {"literal": "FAO"},
        ],
        "issued": {"date-parts": [[2020]]},
        "publisher": "Frontiers Media",
        "URL": "https://example.org/article",
        "DOI": "10.3389/fsufs.2020.00037",
        "language": "en",
        "abstract": "Workshops in France and Senegal.",
    }


@pytest.fixture
def catalogue(site_tree):
    kenya = Region.objects.create(name="Kenya", kind=Region.Kind.COUNTRY, iso_code="KE")
    compost = SoilPractice.objects.create(name="Compost", slug="compost")
    lead = Organization.objects.create(name="Sample Lead", kind=Organization.Kind.NGO)
    projects = {}
    for title, status in (
        ('=HYPERLINK("http://x")', "funded"),
        ("Agroforestry in Kenya", "funded"),
        ("Idea in Kenya", "idea"),
    ):
        page = add_page(
            site_tree.projects,
            ProjectPage,
            title=title,
            summary="+ trees",
            status=status,
            lead_organization=lead,
            funding_sought=1000,
            funding_secured=400,
        )
        page.countries.set([kenya])
        page.practices.set([compost])
        page.save_revision().publish()
        projects[title] = page
    add_page(site_tree.projects, ProjectPage, title="Draft project", summary="x", status="funded", live=False)
    private = add_page(site_tree.projects, ProjectPage, title="Private project", summary="x", status="funded")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    return site_tree, projects


def rows_of_csv(response) -> list[dict]:
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_catalogue_exports_its_filtered_list_as_the_page_shows_it(client, catalogue):
    tree, projects = catalogue
    rows = rows_of_csv(client.get(tree.projects.url + "export.csv?status=funded&region=kenya"))
    assert [row["title"] for row in rows] == ['\'=HYPERLINK("http://x")', "Agroforestry in Kenya"]
    row = rows[1]
    assert row["url"] == "http://testserver" + projects["Agroforestry in Kenya"].url
    assert row["summary"] == "'+ trees"  # formula guard on every text cell
    assert (row["status"], row["funding_sought"], row["funding_secured"], row["funding_gap"]) == (
        "funded",
        "1000",
        "400",
        "600",
    )
    assert (
        row["lead_organization"] == "Sample Lead"
        and row["countries"] == "kenya"
        and row["practices"] == "compost"
    )
    assert row["first_published_at"] and row["last_published_at"]
    response = client.get(tree.projects.url + "export.json?status=idea")
    assert response["Content-Type"] == "application/json" and response.streaming
    data = json.loads(b"".join(response.streaming_content))
    assert [row["title"] for row in data] == ["Idea in Kenya"]
    assert data[0]["funding_gap"] == "600" and data[0]["countries"] == ["kenya"]
    everything = json.loads(b"".join(client.get(tree.projects.url + "export.json").streaming_content))
    assert {row["title"] for row in everything} == set(projects)  # no draft, no private project
    # A bad filter is a clear 400.
    response = client.get(tree.projects.url + "export.csv?status=nonsense")
    assert response.status_code == 400 and b"status" in response.content
    # The listing links its export with the same filters.
    listing = client.get(tree.projects.url + "?status=funded").content.decode()
    assert f'href="{tree.projects.url}export.csv?status=funded"' in listing


def test_a_resource_export_shows_visible_objectives_only(client, site_tree):
    from cms.models import GoalPage

    goal = add_page(site_tree.strategy, GoalPage, title="Goal A", code="A", description="<p>A.</p>")
    shown = add_page(goal, ObjectivePage, title="A1", code="A1", short_label="One", description="d")
    hidden = add_page(
        goal, ObjectivePage, title="A2", code="A2", short_label="Two", description="d", live=False
    )
    page = resource(site_tree)
    page.objectives.set([shown, hidden])
    page.save_revision().publish()
    (row,) = json.loads(b"".join(client.get(site_tree.resources.url + "export.json").streaming_content))
    assert row["objectives"] == ["A1"]
    assert row["doi"] == "10.3389/fsufs.2020.00037" and row["authors"][0] == "Demenois, J."
    assert row["kind"] == "article" and row["year"] == 2020 and row["publisher"] == "Frontiers Media"


def test_an_export_costs_the_same_few_statements_for_many_rows(client, catalogue):
    tree, _ = catalogue
    url = tree.projects.url + "export.csv"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        few_rows = rows_of_csv(client.get(url))
    for n in range(20):
        page = add_page(tree.projects, ProjectPage, title=f"More {n}", summary="s", status="idea")
        page.countries.set(Region.objects.all())
        page.save_revision().publish()
    with CaptureQueriesContext(connection) as many:
        many_rows = rows_of_csv(client.get(url))
    assert len(many_rows) == len(few_rows) + 20
    assert len(many.captured_queries) == len(few.captured_queries) <= EXPORT_STATEMENTS, "\n".join(
        [q["sql"][:150] for q in many.captured_queries]
    )


def test_the_formula_guard():
    for value in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert csv_safe(value) == "'" + value
    assert csv_safe("Soil") == "Soil"
