"""The interface is in English, French and Spanish everywhere: every string the code and templates mark for
translation has a French and a Spanish translation in the committed .po files, none left fuzzy (a guess of
msgmerge's) or empty, with the same placeholders as the English."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SKIP = (".venv", ".data", "tests", "bench", "static", "static_collected", "node_modules")
TEMPLATE_STRING = re.compile(r'{%\s*(?:translate|trans)\s+"((?:[^"\\]|\\.)*)"')
PYTHON_STRING = re.compile(
    r'\b(?:_|gettext|gettext_lazy|pgettext_lazy|pgettext)\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]'
)
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sd]")
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))


def marked_strings() -> dict[str, str]:
    """{msgid: a file that marks it} for literal strings in templates and Python code (not migrations)."""
    found: dict[str, str] = {}
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in SKIP or "migrations" in relative.parts or not path.is_file():
            continue
        if path.suffix in (".html", ".txt"):
            pattern = TEMPLATE_STRING
        elif path.suffix == ".py":
            pattern = PYTHON_STRING
        else:
            continue
        for msgid in pattern.findall(path.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(msgid.replace('\\"', '"'), str(relative))
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_marked_string_is_translated(code):
    entries = {entry.msgid: entry for entry in catalogue(code) if not entry.obsolete}
    missing = {
        msgid: where
        for msgid, where in marked_strings().items()
        if msgid not in entries or not entries[msgid].translated()
    }
    assert not missing, (
        f"{len(missing)} strings without a {code} translation (run `make messages`): "
        + "; ".join(
            f"{where}: {msgid!r}" for msgid, where in sorted(missing.items(), key=lambda item: item[1])[:15]
        )
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_entry_is_empty_or_fuzzy_and_placeholders_match(code):
    po = catalogue(code)
    assert not po.untranslated_entries(), [entry.msgid for entry in po.untranslated_entries()][:10]
    assert not po.fuzzy_entries(), [entry.msgid for entry in po.fuzzy_entries()][:10]
    for entry in po.translated_entries():
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) <= expected and (
                entry.msgid_plural or set(PLACEHOLDER.findall(text)) == expected
            ), (entry.msgid, text)
