"""What the app imports before its window is first painted (issue 17: start-up at most 1.5x
an empty PySide6 window).

Each of these libraries costs tens of milliseconds to import and none is needed to show
the event: PDFs and Word files (reportlab, docx, fontTools, uharfbuzz, pypdf), the phone
server (starlette, uvicorn, anyio, h11), QR codes and images (qrcode, PIL), workbooks
(openpyxl), word stems (snowballstemmer), and sqlite-utils, which only upgrades old event
files; nor the few milliseconds each of OpenSSL's hashes (hashlib, secrets: the room keeper
hashes the file's path with CPython's own SHA-256) and the chime's WAV writer (wave). Nor
are the modules of the tabs not on screen: they are built after the paint.
The app goes the way ``facilitator EVENT_FILE`` goes, in a fresh process.
"""

from __future__ import annotations

import json

from tests.gui.fresh_start import last_line_of_start

HEAVY = ("reportlab", "docx", "fontTools", "uharfbuzz", "pypdf", "starlette", "uvicorn",
         "anyio", "h11", "httptools", "uvloop", "qrcode", "PIL", "openpyxl", "snowballstemmer",
         "sqlite_utils", "hashlib", "_hashlib", "secrets", "wave", "xlrd")

# Prints the modules loaded when the main window's first paint has been delivered.
AT_FIRST_PAINT = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if (not self.seen and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and obj.window().inherits("QMainWindow")):
            self.seen = True
            QTimer.singleShot(0, lambda: (print(json.dumps(sorted(sys.modules)), flush=True),
                                          os._exit(0)))
        return False

import facilitator.cli
from facilitator.gui.app import App, choose_event_file, make_application
app = make_application()
probe = FirstPaint()
app.installEventFilter(probe)
assert App().open(choose_event_file(sys.argv[1]))
app.exec()
"""


# Each tab's own module (and what only it needs), not imported while it waits.
TAB_MODULES = {
    "Details": ["facilitator.gui.session_details", "facilitator.gui.time_zone_field"],
    "Run": ["facilitator.gui.run_tab", "facilitator.gui.floor_panel"],
    "Questions": ["facilitator.gui.questions_tab", "facilitator.gui.moderation_panel",
                  "facilitator.gui.phone_panel"],
    # The projector makes its poll page when a poll is first shown.
    "Polls": ["facilitator.gui.polls.polls_tab", "facilitator.gui.polls.results_view"],
    "Notes": ["facilitator.gui.notes_tab"],
    "Summary": ["facilitator.gui.summary_tab", "facilitator.gui.summary_preview"],
}

def loaded_at_first_paint(sample_path, tmp_path, shown: str | None = None) -> set[str]:
    """The modules loaded when the app's window is first painted, with the tab ``shown``
    on screen as the room keeper left it (None: a first start, the Details tab)."""
    loaded = set(json.loads(last_line_of_start(AT_FIRST_PAINT, sample_path, tmp_path, shown)))
    assert "facilitator.gui.main_window" in loaded  # the window was there
    return loaded


# Modules (ours and the standard library's) that only a command, a dialog or a tab not on
# screen needs, loaded when first used.
NOT_BEFORE_PAINT = (
    "csv", "importlib.resources",
    # Tooltips are escaped by Qt's own convertFromPlainText (user_text.plain_tip): Python's
    # html and its entity table (~1.5-2 ms) were imported for the floor panel's tip.
    "html",
    "facilitator.core.agenda", "facilitator.store.agenda_io",
    "facilitator.core.notes", "facilitator.store.notes",
    "facilitator.core.statistics", "facilitator.gui.speaker_dialog",
    "facilitator.core.polls", "facilitator.store.polls",
    "facilitator.core.questions", "facilitator.core.question_words", "facilitator.store.questions",
    # The command layer: imported with the first command run (gui/runner.py), and the
    # commands behind the Run tab's buttons and keys with their first use.
    "facilitator.actions.command", "facilitator.actions.errors", "facilitator.actions.actor",
    "facilitator.store.rows", "facilitator.gui.action_text",
    "facilitator.actions.sessions", "facilitator.actions.speakers", "facilitator.actions.floor",
    # The projector's question card: made with the first question put on screen.
    "facilitator.gui.question_card",
    # The projector window itself (and its QR code): made when first needed
    # (gui/projector_access.py); the Run tab's dialogs: made when first asked for.
    "facilitator.gui.projector", "facilitator.gui.qr_widget",
    "facilitator.gui.message_dialog", "facilitator.gui.floor_times_dialog",
    # The team's roles: the room keeper asks only whether a link is live (store.live_links).
    "facilitator.core.team", "facilitator.store.role_links",
)


def test_no_heavy_library_is_imported_before_the_first_paint(sample_path, tmp_path):
    for shown in ("Details", "Run"):
        loaded = loaded_at_first_paint(sample_path, tmp_path / shown,
                                       None if shown == "Details" else shown)
        heavy = sorted({name.split(".")[0] for name in loaded} & set(HEAVY))
        assert heavy == [], (shown, heavy)
        waiting = sorted(loaded & set(NOT_BEFORE_PAINT))
        assert waiting == [], (shown, waiting)


def test_only_the_tab_on_screen_is_imported_before_the_first_paint(sample_path, tmp_path):
    for shown in ("Details", "Run", "Summary"):
        loaded = loaded_at_first_paint(sample_path, tmp_path / shown,
                                       None if shown == "Details" else shown)
        # The Run tab's stage preview comes with it; nothing else waits for it.
        needed = set(TAB_MODULES[shown])
        waiting = {module for name, modules in TAB_MODULES.items() if name != shown
                   for module in modules}
        assert needed <= loaded, (shown, sorted(needed - loaded))
        assert not loaded & waiting, (shown, sorted(loaded & waiting))
