"""Citations of a community resource: BibTeX, RIS and CSL-JSON, and the DOI field's rules.

Authors are stored as names separated by semicolons, as editors type them: "Rumpel, C." and "Cornelia Rumpel"
are people (family name before the comma, or last word), a name that reads like a body ("FAO", "Soil Knowledge
Hub editorial team") is an organization and is kept whole (braced in BibTeX, `literal` in CSL), and "et al." is
BibTeX's "and others" (RIS and CSL have no such author: it is left out there).
"""

from __future__ import annotations

import json
import re
import unicodedata

from django.core.exceptions import ValidationError

from cms.identity import PUBLISHER

# --- DOI ----------------------------------------------------------------------------------------------------------

# Crossref's advice for modern DOIs: "10.", a registrant code of 4-9 digits, "/", a suffix of these characters.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9<>\[\]]+$")
_DOI_PREFIXES = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normalize_doi(value: str) -> str:
    """The bare DOI of a value typed as "10.x/y", "doi:10.x/y" or "https://doi.org/10.x/y"."""
    return _DOI_PREFIXES.sub("", (value or "").strip())


def validate_doi(value: str) -> None:
    if value and not DOI_PATTERN.match(normalize_doi(value)):
        raise ValidationError(
            "Enter a DOI such as 10.3389/fsufs.2020.00037 (a https://doi.org/ link is accepted too).",
            code="invalid_doi",
        )


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


# --- Names ----------------------------------------------------------------------------------------------------------

ET_AL = {"et al.", "et al", "others"}
_BODY_WORDS = re.compile(
    r"\b(initiative|organi[sz]ation|institut\w*|programme|program|secretariat|universit\w*|agency|centre|center|"
    r"network|alliance|partnership|foundation|ministry|council|commission|department|team|committee|hub|fao|"
    r"unep|undp|cgiar|ipcc)\b",
    re.IGNORECASE,
)


def parse_name(name: str) -> dict:
    """{"family", "given"} for a person, {"literal"} for an organization or a single word."""
    name = " ".join(name.split())
    if _BODY_WORDS.search(name):
        return {"literal": name}
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family": family, "given": given} if given else {"literal": family}
    words = name.split(" ")
    if len(words) == 1:
        return {"literal": name}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def _authors(resource) -> tuple[list[dict], bool]:
    names, et_al = [], False
    for name in resource.author_list:
        if name.lower() in ET_AL:
            et_al = True
        else:
            names.append(parse_name(name))
    return names, et_al


# --- Formats ----------------------------------------------------------------------------------------------------------

BIBTEX_TYPES = {"report": "techreport", "dataset": "misc", "article": "misc"}
RIS_TYPES = {
    "report": "RPRT",
    "guideline": "RPRT",
    "tool": "COMP",
    "dataset": "DATA",
    "video": "VIDEO",
    "article": "JOUR",
}
CSL_TYPES = {
    "report": "report",
    "guideline": "report",
    "tool": "software",
    "dataset": "dataset",
    "video": "motion_picture",
    "article": "article-journal",
}

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


# A URL field is read verbatim (LaTeX's url package), so it is not escaped as text; but a brace would end the field
# early (the rest read as other fields: "https://x.org/a},note={...}") and a backslash start a command. They are
# percent-encoded, as RFC 3986 asks of them in a URL anyway: the same address.
_BIBTEX_URL = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C"})


def bibtex_url(url: str) -> str:
    return url.translate(_BIBTEX_URL)


def citation_key(resource) -> str:
    names, _ = _authors(resource)
    first = names[0] if names else {"literal": publisher(resource) or "anon"}
    stem = first.get("family") or first["literal"].split(" ")[0]
    word = next((w for w in re.findall(r"\w+", resource.title) if len(w) > 3), "resource")
    raw = f"{stem}{resource.year}{word}".lower()
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode())


def publisher(resource) -> str:
    """The resource's publisher as given; for a resource the hub itself holds (no external link), the
    Initiative. An external resource without one has none (better no publisher than a wrong one)."""
    return resource.publisher or ("" if resource.external_url else PUBLISHER)


def _url(resource, request) -> str:
    return resource.get_full_url(request) or ""  # none yet in the preview of a new page


def bibtex(resource, request) -> str:
    names, et_al = _authors(resource)
    authors = [
        f"{{{bibtex_escape(n['literal'])}}}"
        if "literal" in n
        else f"{bibtex_escape(n['family'])}, {bibtex_escape(n['given'])}"
        for n in names
    ]
    if et_al:
        authors.append("others")
    kind = BIBTEX_TYPES.get(resource.kind, "misc")
    fields = [("author", " and ".join(authors))] if authors else []
    fields += [("title", f"{{{bibtex_escape(resource.title)}}}"), ("year", str(resource.year))]
    if publisher(resource):
        fields.append(
            ("institution" if kind == "techreport" else "publisher", bibtex_escape(publisher(resource)))
        )
    fields.append(("url", bibtex_url(resource.external_url or _url(resource, request))))
    if resource.doi:
        fields.append(("doi", resource.doi))
    fields.append(("language", resource.get_language_display()))
    body = ",\n".join(f"  {name} = {{{' '.join(value.split())}}}" for name, value in fields)  # a field a line
    return f"@{kind}{{{citation_key(resource)},\n{body}\n}}\n"


def ris(resource, request) -> str:
    names, _ = _authors(resource)
    lines = [("TY", RIS_TYPES.get(resource.kind, "GEN"))]
    lines += [("AU", n["literal"] if "literal" in n else f"{n['family']}, {n['given']}") for n in names]
    lines += [("TI", resource.title), ("PY", str(resource.year))]
    if publisher(resource):
        lines.append(("PB", publisher(resource)))
    lines.append(("UR", resource.external_url or _url(resource, request)))
    if resource.external_url:
        lines.append(("UR", _url(resource, request)))
    if resource.doi:
        lines.append(("DO", resource.doi))
    lines += [("LA", resource.get_language_display()), ("AB", resource.summary)]
    lines.append(("ER", ""))
    # RIS: "TAG  - value", CRLF line ends (the tag, two spaces, a hyphen, a space). A value is one line: a line
    # break in a title would start a line a reader takes for another tag ("ER  - " ends the record).
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)


def csl_item(resource, request) -> dict:
    names, _ = _authors(resource)
    item = {
        "id": citation_key(resource),
        "type": CSL_TYPES.get(resource.kind, "document"),
        "title": resource.title,
        "author": names,
        "issued": {"date-parts": [[resource.year]]},
        "URL": resource.external_url or _url(resource, request),
        "language": resource.language,
        "abstract": " ".join(resource.summary.split()),
    }
    if publisher(resource):
        item["publisher"] = publisher(resource)
    if resource.doi:
        item["DOI"] = resource.doi
    return item


def csl_json(resource, request) -> str:
    return json.dumps([csl_item(resource, request)], ensure_ascii=False, indent=2)


FORMATS = {
    # route suffix: (builder, content type, file extension)
    "bib": (bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": (ris, "application/x-research-info-systems; charset=utf-8", "ris"),
    "json": (csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}
