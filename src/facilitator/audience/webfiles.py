"""The phone pages and their files, read once into memory and served from there.

Serving them from disk (Starlette's FileResponse: a stat, an open, a thread per read) capped
the server near 600 files a second; a hall scanning the QR code asks for four files per
phone (docs/benchmarks.md, The QR moment).

Versioned assets: each page names its files with ``?v=VERSION`` (a hash over every web
file), so a phone keeps them for a year and never asks again until the app changes; the
pages themselves are revalidated (a 304) on every load.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from facilitator.audience.encoded import Encoded
from facilitator.core.notes import SDG_NAMES

DESK_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")  # the team desks' pages (desk.js)

# The files phones may fetch, by the name in the URL; nothing else on disk is reachable.
WEB_FILES = {
    "phone.css": "text/css; charset=utf-8",
    "phone.js": "text/javascript; charset=utf-8",
    "phone-polls.js": "text/javascript; charset=utf-8",
    "speaker.js": "text/javascript; charset=utf-8",
    "stage_clock.js": "text/javascript; charset=utf-8",
    "timekeeper.js": "text/javascript; charset=utf-8",
    "floor.js": "text/javascript; charset=utf-8",  # loaded by phone.js where needed
    # The rapporteur's and co-moderator's desks (audience/rapporteur.py, co_moderator.py).
    "desk.css": "text/css; charset=utf-8",
    "desk.js": "text/javascript; charset=utf-8",
    "rapporteur.js": "text/javascript; charset=utf-8",
    "co_moderator.js": "text/javascript; charset=utf-8",
    "co_moderator_polls.js": "text/javascript; charset=utf-8",
    "co_moderator_tags.js": "text/javascript; charset=utf-8",
    **{f"i18n/desk-{code}.json": "application/json" for code in DESK_LANGUAGES},
    "i18n/en.json": "application/json",
    "i18n/fr.json": "application/json",
    "i18n/es.json": "application/json",
    "i18n/ar.json": "application/json",
    "i18n/zh.json": "application/json",
    "i18n/ru.json": "application/json",
}
PAGES = ("phone.html", "speaker.html", "notfound.html", "timekeeper.html",
         "rapporteur.html", "co_moderator.html", "team_link.html")
HTML = "text/html; charset=utf-8"
VERSIONED_CACHE = "public, max-age=31536000, immutable"  # a new version is a new URL
STATIC_CACHE = "public, max-age=3600"  # an unversioned URL (an older page): an hour
PAGE_CACHE = "no-cache"  # revalidated each time: a new app version shows at once
_ASSET_LINK = re.compile(r'((?:href|src)="/web/[^"?]+)"')


@dataclass(frozen=True)
class WebFiles:
    """Every page and file, encoded; ``version`` names this set of files in URLs."""

    files: dict[str, Encoded]
    pages: dict[str, Encoded]
    busy_html: str  # the "please wait" page, with RETRY_SECONDS to fill in
    version: str

    @classmethod
    def load(cls, folder: Path) -> WebFiles:
        """Read and encode ``folder`` (resources/web); raises OSError if a file is missing."""
        raw = {name: (folder / name).read_bytes() for name in WEB_FILES}
        for code in DESK_LANGUAGES:
            name = f"i18n/desk-{code}.json"
            raw[name] = with_sdg_words(raw[name], code)
        digest = hashlib.sha256()
        for name in sorted(raw):
            digest.update(name.encode() + b"\0" + raw[name] + b"\0")
        version = digest.hexdigest()[:12]
        files = {name: Encoded.of(body, WEB_FILES[name]) for name, body in raw.items()}
        pages = {name: Encoded.of(versioned((folder / name).read_text(encoding="utf-8"),
                                            version).encode("utf-8"), HTML)
                 for name in PAGES}
        busy = versioned((folder / "busy.html").read_text(encoding="utf-8"), version)
        return cls(files, pages, busy, version)


def with_sdg_words(strings: bytes, language: str) -> bytes:
    """A desk's strings (JSON) with ``sdg_1``…``sdg_17``: each SDG as the printed summary
    words it in ``language`` ("ODD 11 : Villes et communautés durables"), so the tag
    pickers and the PDF name the goals alike, from one list (reports/report_text.py)."""
    from facilitator.reports.report_text import ReportText

    words = ReportText(language)
    table = json.loads(strings)
    table.update({f"sdg_{number}": words.sdg(number) for number in range(1, len(SDG_NAMES) + 1)})
    return json.dumps(table, ensure_ascii=False, indent=1).encode("utf-8")


def versioned(html: str, version: str) -> str:
    """The page with ``?v=VERSION`` on every /web/ link, and the version on <html> for the
    scripts' own fetches (the strings)."""
    html = _ASSET_LINK.sub(lambda m: f'{m.group(1)}?v={version}"', html)
    return html.replace("<html ", f'<html data-assets="{version}" ', 1)
