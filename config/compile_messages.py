"""Compile the interface translations (locale/<code>/LC_MESSAGES/*.po) into the .mo files Django reads.

Run by `make install` (so a fresh clone serves French and Spanish) with polib, a dependency: unlike Django's
`compilemessages`, it needs no GNU gettext on the machine. A .mo newer than its .po is left alone.

    python -m config.compile_messages [--force]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_messages(locale_dir: Path = LOCALE_DIR, *, force: bool = False) -> list[Path]:
    """Write each .po's .mo when it is missing or older; return the .mo files written. A .po that cannot be
    read stops with its name."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        try:
            catalogue = polib.pofile(str(po_path))
        except (OSError, ValueError) as error:
            raise SystemExit(f"{po_path}: cannot be read as a gettext catalogue: {error}") from error
        # Written beside, then renamed: a process reading the catalogue (a test worker, a server) never sees
        # half a file.
        partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}.partial")
        catalogue.save_as_mofile(str(partial))
        os.replace(partial, mo_path)
        written.append(mo_path)
    return written


def main(argv: list[str]) -> int:
    written = compile_messages(force="--force" in argv)
    for path in written:
        print(f"compiled {path.relative_to(LOCALE_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
