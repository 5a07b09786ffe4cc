"""The demo content's data files (cms/demo/data/*.json) and their reader, cms/demo/content.py."""

from __future__ import annotations

import json
import shutil

import pytest

from cms.demo import content
from cms.demo.content import DATA_DIR, DemoDataError, read_content

# (file, part) -> (records marked "sample": true, records): what the README's "The demo content" says is sample
# data. A marker lost in an edit (or in a conversion) changes a count.
SAMPLE_MARKERS = {
    ("directory.json", "soil_practices"): (0, 12),
    ("directory.json", "regions"): (0, 39),
    ("directory.json", "organizations"): (
        60,
        60,
    ),  # 34 invented; the 26 real ones' membership years are sample
    ("directory.json", "people"): (57, 68),
    ("documents.json", "pdf_documents"): (21, 21),
    ("strategy.json", "goals"): (5, 6),  # B-F
    ("strategy.json", "objectives"): (16, 24),  # the placeholders
    ("strategy.json", "task_forces"): (24, 24),  # the rosters
    ("projects.json", "projects"): (32, 32),
    ("calendar.json", "webinars"): (10, 12),
    ("calendar.json", "events"): (3, 10),
    ("resources.json", "resources"): (28, 42),
}


def _raw(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _records(value) -> list[dict]:
    return list(value.values()) if isinstance(value, dict) else value


def test_the_data_files_validate():
    data = read_content()
    assert len(data.projects.PROJECTS) == 32
    assert list(data.translations.TRANSLATIONS) == ["fr", "es"]
    assert {path.name for path in DATA_DIR.iterdir()} == {
        *content.SCHEMA,
        *(f"translations.{code}.json" for code in content.LANGUAGES),
    }


@pytest.mark.parametrize(("name", "part"), SAMPLE_MARKERS)
def test_every_sample_record_keeps_its_marker(name, part):
    records = _records(_raw(name)[part])
    assert all(isinstance(record["sample"], bool) for record in records)
    assert (sum(record["sample"] for record in records), len(records)) == SAMPLE_MARKERS[name, part]
    # The loader reads the same markers.
    loaded = _records(getattr(getattr(content, name.removesuffix(".json")), part.upper()))
    assert [record["sample"] for record in loaded] == [record["sample"] for record in records]


def test_placeholder_objectives_are_sample_data():
    objectives = content.strategy.OBJECTIVES
    placeholders = [objective for objective in objectives if objective["placeholder"]]
    assert len(placeholders) == 16
    assert all(
        objective["sample"] and objective["title"].startswith("[Placeholder] ") for objective in placeholders
    )


def test_how_to_join_describes_this_hubs_joining_flow():
    """The form on the task force's page, no account needed, the Secretariat's decision, then a password link: not
    the original platform's "log in first" steps."""
    for task_force in content.strategy.TASK_FORCES:
        text = task_force["how_to_join"].lower()
        assert "form" in text and "secretariat" in text and "password" in text, task_force["title"]
        assert "log in" not in text and "icon at the top" not in text, task_force["title"]


def test_pairs_are_read_as_tuples():
    """JSON has no tuples: the [heading, text] pairs of bodies and the translations' pairs come back as tuples."""
    body = content.projects.PROJECTS[0]["body"]
    assert body[0] == ("Context", body[0][1]) and isinstance(body[0], tuple)
    assert all(
        isinstance(item, str | tuple) for project in content.projects.PROJECTS for item in project["body"]
    )
    french = content.translations.TRANSLATIONS["fr"]
    assert all(isinstance(pair, tuple) for pair in french["goals"].values())
    assert all(isinstance(step, tuple) for step in french["home_sections"]["cycle_steps"])
    assert content.translations.REGION_NAMES["Africa"] == ("Afrique", "África")
    assert content.translations.PRACTICE_NAMES.keys() == {p["slug"] for p in content.directory.SOIL_PRACTICES}


def _drop_status(data):
    del data["projects"][3]["status"]


def _lead_nobody(data):
    data["projects"][3]["lead"] = "Nobody Inc."


def _bad_date(data):
    data["events"][0]["start_date"] = "17/11/2016"


def _sample_as_text(data):
    data["organizations"][0]["sample"] = "yes"


def _unknown_part(data):
    data["webinar"] = data.pop("webinars")


def _translate_nothing(data):
    data["pages"]["projects"]["No such project"] = ["Aucun projet", "Rien."]


def _region_in_one_language(data):
    data["region_names"]["Atlantis"] = "Atlantide"


BREAKAGES = [
    ("projects.json", _drop_status, "projects[3] ('", "missing key 'status'"),
    (
        "projects.json",
        _lead_nobody,
        "projects[3] ('",
        "'lead' names no record of organizations: 'Nobody Inc.'",
    ),
    ("calendar.json", _bad_date, "events[0] ('Forum", "'start_date' is not an ISO 8601 value"),
    ("directory.json", _sample_as_text, "organizations[0] ('", "'sample': should be true or false"),
    ("calendar.json", _unknown_part, "unknown part 'webinar'", ""),
    ("translations.fr.json", _translate_nothing, "pages.projects['No such project']", "translates nothing"),
    ("translations.es.json", _region_in_one_language, "region_names['Atlantis']", "names nothing"),
]


@pytest.mark.parametrize(("name", "breakage", "record", "problem"), BREAKAGES)
def test_a_broken_file_is_named_with_its_record(tmp_path, name, breakage, record, problem):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    data = _raw(name)
    breakage(data)
    (folder / name).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DemoDataError) as error:
        read_content(folder)
    message = str(error.value)
    assert message.startswith(f"{folder / name}: ")
    assert record in message and problem in message


def test_a_file_that_is_not_json_or_missing_is_named(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "strategy.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"goals": [', '"goals" [', 1), encoding="utf-8")
    with pytest.raises(DemoDataError, match=rf"^{path}: not valid JSON: Expecting ':' delimiter: line \d+"):
        read_content(folder)
    path.unlink()
    with pytest.raises(DemoDataError, match=rf"^{path}: missing$"):
        read_content(folder)
