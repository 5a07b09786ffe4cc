"""The interface is in English, French and Spanish everywhere: every string the code, the templates (their
includes, blocktranslate and plurals too) and the scripts mark for translation has a French and a Spanish
translation in the committed catalogues (django.po, and djangojs.po for the scripts), none left fuzzy (a guess of
msgmerge's) or empty, with the same placeholders as the English. The strings are found by GNU xgettext, as
`make messages` finds them."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
SKIP = (".venv", ".data", "tests", "bench", "static_collected", "node_modules", "media", ".git")
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sd]")
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
DOMAINS = ("django", "djangojs")
# The keywords `manage.py makemessages` gives xgettext (django/core/management/commands/makemessages.py).
KEYWORDS = [
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
]
PYTHON_KEYWORDS = ["--keyword=pgettext_lazy:1c,2", "--keyword=npgettext_lazy:1c,2,3"]


def catalogue(code: str, domain: str = "django") -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / f"{domain}.po"))


def sources(*suffixes: str) -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*")
        if path.suffix in suffixes
        and path.relative_to(ROOT).parts[0] not in SKIP
        and "migrations" not in path.relative_to(ROOT).parts
        and path.is_file()
    )


def extracted(domain: str) -> polib.POFile:
    """What `make messages` would put in a catalogue: every string GNU xgettext finds in the templates (read the
    way Django's makemessages reads them, blocktranslate and plurals included) and Python code, or in the
    scripts for the JavaScript catalogue."""
    with tempfile.TemporaryDirectory() as folder:
        if domain == "django":
            files = []
            for path in sources(".html", ".txt", ".py"):
                if path.suffix == ".py":
                    files.append(path)
                    continue
                relative = path.relative_to(ROOT)
                target = Path(folder) / (str(relative).replace("/", "__") + ".py")
                target.write_text(templatize(path.read_text(encoding="utf-8"), origin=str(relative)))
                files.append(target)
            options = ["--language=Python", *KEYWORDS, *PYTHON_KEYWORDS]
        else:
            files = sources(".js")
            options = ["--language=JavaScript", *KEYWORDS]
        listing = Path(folder) / "files.txt"
        listing.write_text("\n".join(str(path) for path in files))
        output = Path(folder) / f"{domain}.pot"
        subprocess.run(
            [
                "xgettext",
                "-d",
                domain,
                *options,
                "--from-code=UTF-8",
                f"--files-from={listing}",
                f"--output={output}",
            ],
            check=True,
            capture_output=True,
        )
        return polib.pofile(str(output)) if output.exists() else polib.POFile()


def where(entry: polib.POEntry) -> str:
    """The file that marks a string: its path under the project (a template's from its templatized copy)."""
    if not entry.occurrences:
        return "?"
    path = Path(entry.occurrences[0][0])
    if path.is_relative_to(ROOT):
        return str(path.relative_to(ROOT))
    return path.name.removesuffix(".py").replace("__", "/")


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_marked_string_is_translated(code, domain):
    entries = {(entry.msgctxt, entry.msgid): entry for entry in catalogue(code, domain) if not entry.obsolete}
    found = extracted(domain)
    assert len(found) > (50 if domain == "django" else 2), (
        "xgettext found almost nothing: is the extraction broken?"
    )
    missing = [
        entry
        for entry in found
        if (entry.msgctxt, entry.msgid) not in entries
        or not entries[(entry.msgctxt, entry.msgid)].translated()
        or bool(entry.msgid_plural) != bool(entries[(entry.msgctxt, entry.msgid)].msgid_plural)
    ]
    assert not missing, (
        f"{len(missing)} strings without a {code} translation in {domain}.po (run `make messages`): "
        + "; ".join(f"{where(entry)}: {entry.msgid!r}" for entry in missing[:15])
    )


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("code", LANGUAGES)
def test_no_entry_is_empty_or_fuzzy_and_placeholders_match(code, domain):
    po = catalogue(code, domain)
    keys = [(entry.msgctxt, entry.msgid) for entry in po]
    assert len(keys) == len(set(keys)), (
        f"entries twice in {code}/{domain}.po (msgfmt and makemessages refuse it): "
        + str(sorted({key for key in keys if keys.count(key) > 1}))
    )
    assert not po.untranslated_entries(), [entry.msgid for entry in po.untranslated_entries()][:10]
    assert not po.fuzzy_entries(), [entry.msgid for entry in po.fuzzy_entries()][:10]
    for entry in po.translated_entries():
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) <= expected and (
                entry.msgid_plural or set(PLACEHOLDER.findall(text)) == expected
            ), (entry.msgid, text)
