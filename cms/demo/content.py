"""The demo content: the JSON files of ``cms/demo/data/``, read and checked once, on import.

The English content is one file per part (``strategy.json``, ``directory.json``, ``projects.json``,
``calendar.json``, ``resources.json``, ``documents.json``, ``home.json``); the French and Spanish translations are
one file per language (``translations.fr.json``, ``translations.es.json``). Each file is a JSON object: an
``"about"`` note (what is real, what is sample data) and its parts, which this module exposes under the names the
demo loader reads: ``strategy.GOALS`` is the ``"goals"`` list of ``strategy.json``.

JSON has no tuples. The demo's pairs are written as 2-item arrays and read back as tuples:

- a 2-item array in a ``"body"`` list is a section: ``[heading, text]``, or ``["heading", text]`` for a heading
  alone (``blocks.body_blocks``);
- in a translation file's ``"pages"``: each goal ``[name, description]``, project and resource ``[title,
  summary]``, webinar ``[title, abstract]`` and front-page cycle step ``[title, text]``;
- ``translations.REGION_NAMES`` and ``PRACTICE_NAMES`` map an English region name or a practice slug to its
  ``(French, Spanish)`` names, joined from the ``"region_names"`` and ``"practice_names"`` of the two files.

Dates and times are ISO 8601 strings, which the loader parses: ``"start_date"`` and ``"end_date"`` (dates),
``"start"`` (date and time), ``"start_time"`` (time). Sample data carries ``"sample": true``.

A file that is missing or not JSON, a missing or unknown part, a record without a key the loader needs (or of the
wrong type), a date that does not parse or a name that refers to nothing stops with a ``DemoDataError`` naming the
file and the record.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

DATA_DIR = Path(__file__).resolve().parent / "data"

# The translation files, in the order the loader creates their locales.
LANGUAGES = ("fr", "es")

# file -> part -> (shape, the keys every record needs and their JSON types). Shapes: "records", a list of
# records; "by key", an object of records by key; "record", one record; "list", "object" and "text", other
# values.
SCHEMA: dict[str, dict[str, tuple[str, dict]]] = {
    "calendar.json": {
        "webinars": ("records", {"title": str, "abstract": list, "sample": bool}),
        "events": ("records", {"title": str, "kind": str, "sample": bool}),
    },
    "directory.json": {
        "soil_practices": ("records", {"slug": str, "name": str, "description": str, "sample": bool}),
        "regions": ("records", {"name": str, "kind": str, "sample": bool}),
        "organizations": ("records", {"name": str, "kind": str, "membership": str, "sample": bool}),
        "people": ("records", {"name": str, "sample": bool}),
    },
    "documents.json": {
        "pdf_documents": ("by key", {"title": str, "filename": str, "sections": list, "sample": bool}),
    },
    "home.json": {
        "directory_intro": ("list", {}),
        "home_sections": ("object", {}),
        "home_texts": ("record", {"network": list, "task_forces": list, "community": list}),
        "cycle_steps": ("records", {"title": str, "text": str}),
        "community_page": ("record", {"title": str, "intro": str, "body": list}),
    },
    "projects.json": {
        "projects": ("records", {"title": str, "summary": str, "status": str, "sample": bool}),
    },
    "resources.json": {
        "resources": ("records", {"title": str, "kind": str, "year": int, "summary": str, "sample": bool}),
    },
    "strategy.json": {
        "strategy": ("record", {"title": str, "vision_2050": str, "mission_2030": str, "sample": bool}),
        "goals": ("records", {"code": str, "name": str, "description": str, "sample": bool}),
        "objectives": (
            "records",
            {"code": str, "goal": str, "title": str, "label": str, "description": str, "sample": bool},
        ),
        "task_forces": (
            "records",
            {
                "objective": str,
                "title": str,
                "purpose": str,
                "how_to_join": str,
                "members": list,
                "sample": bool,
            },
        ),
    },
}

TRANSLATION_SCHEMA: dict[str, tuple[str, dict]] = {
    "translation_note": ("text", {}),
    "not_published": ("text", {}),
    "region_names": ("object", {}),
    "practice_names": ("object", {}),
    "pages": (
        "record",
        {
            "home": dict,
            "about": dict,
            "strategy": dict,
            "goals": dict,
            "objectives": dict,
            "task_forces": dict,
            "task_force_title": str,
            "indexes": dict,
            "projects": dict,
            "resources": dict,
            "webinars": dict,
            "home_sections": dict,
        },
    ),
}

# Translated pages: part -> the keys each entry needs ("pair": a [translation, text] pair instead).
TRANSLATED_PAGES = {
    "home": {"title": str, "intro": str},
    "about": {"title": str, "intro": str, "body": list},
    "strategy": {"title": str, "vision_2050": str, "mission_2030": str, "intro": list},
    "home_sections": {"directory": dict, "sections": dict, "texts": dict, "cycle_steps": list},
}
# Translated entries: part -> (what each entry is, the English records its keys name). "pair": a [translation,
# text] pair; a type: a value of that type; a dict: a record with those keys.
TRANSLATED_ENTRIES = {
    "goals": ("pair", "goals"),
    "objectives": ({"title": str, "short_label": str}, "objectives"),
    "task_forces": (str, "objectives"),
    "indexes": ({"title": str, "intro": str}, "indexes"),
    "projects": ("pair", "projects"),
    "resources": ("pair", "resources"),
    "webinars": ("pair", "webinars"),
}

# Values read by the loader as dates and times, by key.
DATE_KEYS = {
    "start_date": dt.date.fromisoformat,
    "end_date": dt.date.fromisoformat,
    "start": dt.datetime.fromisoformat,
    "start_time": dt.time.fromisoformat,
}

JSON_TYPES = {str: "a string", int: "a number", bool: "true or false", list: "an array", dict: "an object"}


class DemoDataError(ValueError):
    """A demo data file the loader cannot use; the message names the file and the record."""


class DemoContent(NamedTuple):
    calendar: SimpleNamespace
    directory: SimpleNamespace
    documents: SimpleNamespace
    home: SimpleNamespace
    projects: SimpleNamespace
    resources: SimpleNamespace
    strategy: SimpleNamespace
    translations: SimpleNamespace


def read_content(folder: Path = DATA_DIR) -> DemoContent:
    """Every demo data file of `folder`, checked, with its pairs as tuples."""
    parts = {}
    for name, schema in SCHEMA.items():
        path = folder / name
        data = _read(path, schema)
        parts[name.removesuffix(".json")] = SimpleNamespace(
            **{part.upper(): _tuples_in_bodies(value) for part, value in data.items() if part != "about"}
        )
    names = _names(parts)
    _check_references(folder, parts, names)
    return DemoContent(**parts, translations=_read_translations(folder, names))


def _read(path: Path, schema: dict[str, tuple[str, dict]]) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DemoDataError(f"{path}: missing") from None
    except json.JSONDecodeError as error:
        raise DemoDataError(f"{path}: not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise DemoDataError(f"{path}: not a JSON object")
    expected = {"about", *schema}
    if unknown := sorted(data.keys() - expected):
        raise DemoDataError(f"{path}: unknown part {unknown[0]!r} (expected: {', '.join(sorted(expected))})")
    if missing := sorted(expected - data.keys()):
        raise DemoDataError(f"{path}: missing part {missing[0]!r}")
    for part, (shape, required) in schema.items():
        value = data[part]
        if shape == "records":
            _expect(path, part, value, list)
            for index, record in enumerate(value):
                _check_record(path, f"{part}[{index}]", record, required)
        elif shape == "by key":
            _expect(path, part, value, dict)
            for key, record in value.items():
                _check_record(path, f"{part}[{key!r}]", record, required)
        elif shape == "record":
            _check_record(path, part, value, required)
        else:
            _expect(path, part, value, {"list": list, "object": dict, "text": str}[shape])
    return data


def _expect(path: Path, where: str, value, kind: type) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DemoDataError(f"{path}: {where}: should be {JSON_TYPES[kind]}")


def _check_record(path: Path, where: str, record, required: dict) -> None:
    _expect(path, where, record, dict)
    label = record.get("title") or record.get("name") or record.get("code") or record.get("slug")
    where = f"{where} ({label!r})" if isinstance(label, str) else where
    for key, kind in required.items():
        if key not in record:
            raise DemoDataError(f"{path}: {where}: missing key {key!r}")
        _expect(path, f"{where}: {key!r}", record[key], kind)
    for key, parse in DATE_KEYS.items():
        if record.get(key) is not None:
            try:
                parse(record[key])
            except (TypeError, ValueError):
                raise DemoDataError(
                    f"{path}: {where}: {key!r} is not an ISO 8601 value: {record[key]!r}"
                ) from None
    body = record.get("body")
    for index, item in enumerate(body if isinstance(body, list) else []):
        if isinstance(item, list) and len(item) != 2:
            raise DemoDataError(f"{path}: {where}: body[{index}] should be a [heading, text] pair")


def _tuples_in_bodies(value):
    """`value` with the [heading, text] pairs of every "body" list as tuples."""
    if isinstance(value, list):
        return [_tuples_in_bodies(item) for item in value]
    if isinstance(value, dict):
        return {
            key: [tuple(item) if isinstance(item, list) else item for item in item_value]
            if key == "body" and isinstance(item_value, list)
            else _tuples_in_bodies(item_value)
            for key, item_value in value.items()
        }
    return value


# Names that must name another record: (file, part, key) -> the part named (a missing or empty name is fine).
REFERENCES = {
    ("directory.json", "regions", "parent"): "regions",
    ("directory.json", "organizations", "country"): "regions",
    ("directory.json", "people", "organization"): "organizations",
    ("strategy.json", "objectives", "goal"): "goals",
    ("strategy.json", "task_forces", "objective"): "objectives",
    ("projects.json", "projects", "countries"): "regions",
    ("projects.json", "projects", "practices"): "soil_practices",
    ("projects.json", "projects", "lead"): "organizations",
    ("projects.json", "projects", "partners"): "organizations",
    ("projects.json", "projects", "objectives"): "objectives",
    ("projects.json", "projects", "document"): "pdf_documents",
    ("calendar.json", "webinars", "speakers"): "people",
    ("calendar.json", "webinars", "moderator"): "people",
    ("calendar.json", "webinars", "objectives"): "objectives",
    ("calendar.json", "webinars", "practices"): "soil_practices",
    ("calendar.json", "events", "organizer"): "organizations",
    ("calendar.json", "events", "objectives"): "objectives",
    ("calendar.json", "events", "regions"): "regions",
    ("resources.json", "resources", "practices"): "soil_practices",
    ("resources.json", "resources", "regions"): "regions",
    ("resources.json", "resources", "document"): "pdf_documents",
}


def _names(parts: dict) -> dict[str, set[str]]:
    """The names by which records are referred to (and translated), per part."""
    directory, strategy = parts["directory"], parts["strategy"]
    return {
        "regions": {region["name"] for region in directory.REGIONS},
        "soil_practices": {practice["slug"] for practice in directory.SOIL_PRACTICES},
        "organizations": {organization["name"] for organization in directory.ORGANIZATIONS},
        "people": {person["name"] for person in directory.PEOPLE},
        "goals": {goal["code"] for goal in strategy.GOALS},
        "objectives": {objective["code"] for objective in strategy.OBJECTIVES},
        "pdf_documents": set(parts["documents"].PDF_DOCUMENTS),
        "projects": {project["title"] for project in parts["projects"].PROJECTS},
        "resources": {resource["title"] for resource in parts["resources"].RESOURCES},
        "webinars": {webinar["title"] for webinar in parts["calendar"].WEBINARS},
        "indexes": {"projects", "webinars", "events", "resources"},
    }


def _check_references(folder: Path, parts: dict, names: dict[str, set[str]]) -> None:
    for (file, part, key), target in REFERENCES.items():
        for index, record in enumerate(getattr(parts[file.removesuffix(".json")], part.upper())):
            value = record.get(key)
            for name in value if isinstance(value, list) else [value]:
                if name not in (None, "") and name not in names[target]:
                    where = f"{part}[{index}] ({record.get('title') or record.get('name')!r})"
                    raise DemoDataError(
                        f"{folder / file}: {where}: {key!r} names no record of {target}: {name!r}"
                    )
    for index, task_force in enumerate(parts["strategy"].TASK_FORCES):
        for member in task_force["members"]:
            if (
                not isinstance(member, dict)
                or member.get("person") not in names["people"]
                or "role" not in member
            ):
                raise DemoDataError(
                    f"{folder / 'strategy.json'}: task_forces[{index}] ({task_force['title']!r}): "
                    f"member {member!r} needs a 'person' of people and a 'role'"
                )


def _read_translations(folder: Path, names: dict[str, set[str]]) -> SimpleNamespace:
    files = {code: _read_translation(folder / f"translations.{code}.json", names) for code in LANGUAGES}
    joined = {}
    for part in ("region_names", "practice_names"):
        first = files[LANGUAGES[0]][part]
        for code, data in files.items():
            if different := sorted(data[part].keys() ^ first.keys()):
                raise DemoDataError(
                    f"{folder / f'translations.{code}.json'}: {part}[{different[0]!r}]: named in some languages "
                    f"only (each of {', '.join(LANGUAGES)} names it, or none)"
                )
        joined[part] = {key: tuple(files[code][part][key] for code in LANGUAGES) for key in first}
    return SimpleNamespace(
        TRANSLATIONS={code: data["pages"] for code, data in files.items()},
        TRANSLATION_NOTE={code: data["translation_note"] for code, data in files.items()},
        NOT_PUBLISHED={code: data["not_published"] for code, data in files.items()},
        REGION_NAMES=joined["region_names"],
        PRACTICE_NAMES=joined["practice_names"],
    )


def _read_translation(path: Path, names: dict[str, set[str]]) -> dict:
    data = _read(path, TRANSLATION_SCHEMA)
    pages = data["pages"]
    for part, required in TRANSLATED_PAGES.items():
        _check_record(path, f"pages.{part}", pages[part], required)
    sections = pages["home_sections"]
    _check_record(path, "pages.home_sections.directory", sections["directory"], {"title": str, "intro": list})
    _check_record(
        path,
        "pages.home_sections.texts",
        sections["texts"],
        {"network": str, "task_forces": str, "community": str},
    )
    for index, step in enumerate(sections["cycle_steps"]):
        _check_pair(path, f"pages.home_sections.cycle_steps[{index}]", step)
    for part, (required, target) in TRANSLATED_ENTRIES.items():
        for key, entry in pages[part].items():
            where = f"pages.{part}[{key!r}]"
            if key not in names[target]:
                raise DemoDataError(
                    f"{path}: {where}: translates nothing (no English {target} record {key!r})"
                )
            if required == "pair":
                _check_pair(path, where, entry)
            elif required is str:
                _expect(path, where, entry, str)
            else:
                _check_record(path, where, entry, required)
    if untranslated := sorted(pages["task_forces"].keys() - pages["objectives"].keys()):
        raise DemoDataError(
            f"{path}: pages.task_forces[{untranslated[0]!r}]: its objective is not translated"
        )
    for part, target in (("region_names", "regions"), ("practice_names", "soil_practices")):
        for key, name in data[part].items():
            if key not in names[target]:
                raise DemoDataError(
                    f"{path}: {part}[{key!r}]: names nothing (no English {target} record {key!r})"
                )
            _expect(path, f"{part}[{key!r}]", name, str)
    for part in ("goals", "projects", "resources", "webinars"):
        pages[part] = {key: tuple(pair) for key, pair in pages[part].items()}
    sections["cycle_steps"] = [tuple(step) for step in sections["cycle_steps"]]
    pages["about"] = _tuples_in_bodies(pages["about"])
    return data


def _check_pair(path: Path, where: str, value) -> None:
    if not (isinstance(value, list) and len(value) == 2):
        raise DemoDataError(f"{path}: {where}: should be a pair, [translation or title, text]")


calendar, directory, documents, home, projects, resources, strategy, translations = read_content()
