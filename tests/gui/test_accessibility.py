"""The desktop app for everyone: keyboard only, screen readers, visible focus, colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QWidget

from facilitator.core.timer import Level, format_clock
from facilitator.gui.clock_face import banner_text
from facilitator.gui.focus_style import FOCUS_COLOUR, install_focus_style
from facilitator.gui.main_window import MainWindow
from facilitator.gui.projector import StageReading
from facilitator.gui.qr_widget import QrWidget
from facilitator.store import notes, questions
from facilitator.store.sessions import list_sessions, set_questions_open


def make_window(qtbot, document) -> MainWindow:
    window = MainWindow(document)
    qtbot.addWidget(window)
    questions_tab = window.tabs["Questions"]
    questions_tab.server_host, questions_tab.server_port = "127.0.0.1", 0  # never a fixed port
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def reachable_by_tab(widget: QWidget, page: QWidget) -> bool:
    return (widget.isVisibleTo(page) and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and widget.window() is page.window())


def tab_walk(qtbot, window: MainWindow, presses: int = 400) -> list[QWidget]:
    """Press Tab from the tab bar on, collecting every widget that gets the focus."""
    seen: list[QWidget] = []
    window.ui.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(presses):
        focused = QApplication.focusWidget()
        if focused is None:
            break
        if focused not in seen:
            seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return seen


def with_a_question_and_a_note(document) -> None:
    """Something selected in every table, so the buttons that act on a row are enabled."""
    session = list_sessions(document.file)[0]
    set_questions_open(document.file, session.id, True)
    question, _ = questions.submit_question(document.file, session.id, "Who pays?", now=1.0,
                                            device_id="phone-a")
    questions.approve_question(document.file, question.id, now=2.0)
    notes.add_note(document.file, session.id, "Cities need direct finance.", at=3.0)


def test_tab_reaches_every_control_in_every_tab(qtbot, document):
    with_a_question_and_a_note(document)
    window = make_window(qtbot, document)
    missing = {}
    for name, page in window.tabs.items():
        window.ui.tabs.setCurrentWidget(page)
        table = getattr(page, "table", None)
        if table is not None and table.model().rowCount():
            table.selectRow(0)
        qtbot.wait(20)
        seen = tab_walk(qtbot, window)
        wanted = [w for w in page.findChildren(QWidget) if reachable_by_tab(w, window)]
        wanted += [w for w in window.ui.central.findChildren(QWidget)
                   if reachable_by_tab(w, window) and not window.ui.tabs.isAncestorOf(w)]
        lost = [f"{type(w).__name__}#{w.objectName()}" for w in wanted
                if w not in seen and not any(s.isAncestorOf(w) for s in seen)]
        if lost:
            missing[name] = lost
    assert missing == {}, "\n".join(f"{k}: {v}" for k, v in missing.items())


def menu_entries(menu: QMenu, path: str = ""):
    """(path, action) for every entry of ``menu`` and its submenus, filled as when opened."""
    menu.aboutToShow.emit()  # recent files and screens are filled on opening
    for action in menu.actions():
        if action.isSeparator():
            continue
        where = f"{path} > {action.text()}"
        yield where, action
        if action.menu() is not None:
            yield from menu_entries(action.menu(), where)


def test_every_menu_entry_has_a_mnemonic_or_a_shortcut(qtbot, document):
    window = make_window(qtbot, document)
    bar = window.menuBar()
    problems = []
    for top in bar.actions():
        if "&" not in top.text():
            problems.append(f"menu {top.text()!r} has no mnemonic")
        for where, action in menu_entries(top.menu(), top.text()):
            if "&" not in action.text() and action.shortcut().isEmpty():
                problems.append(where)
    assert problems == [], "\n".join(problems)


def test_buttons_that_never_take_focus_have_keys(qtbot, document):
    """The Run tab's buttons stay out of the Tab chain (Space must reach the clock): each one
    stands for an action in the menus with its own key."""
    window = make_window(qtbot, document)
    run = window.tabs["Run"]
    unfocusable = [b for b in window.findChildren(QAbstractButton)
                   if b.isVisibleTo(window) and not b.focusPolicy() & Qt.FocusPolicy.TabFocus
                   and b.window() is window and not isinstance(b.parent(), QMenu)]
    assert set(unfocusable) <= set(run.buttons.values())
    keyed = {a.objectName() for a in run.menu_actions() + run.view_actions()
             if not a.shortcut().isEmpty()}
    assert {"actionStartPause", "actionNext", "actionPrevious", "actionAdd30", "actionAdd60",
            "actionRemove30", "actionRemove60", "actionProjector", "actionFullscreen",
            "actionMessage", "actionBlackout", "actionReaddLast", "actionAddSpeaker",
            "actionStatistics"} <= keyed
    remove = run.remove_speaker_action  # no key of its own: reached through its menu letter
    assert "&" in remove.text() and remove in window.ui.menuSession.actions()


@pytest.fixture
def focus_style(qapp):
    """The app's focus style for one test, the plain platform style back afterwards."""
    before = qapp.style().name()
    install_focus_style(qapp)
    yield
    qapp.setStyle(before)


def focus_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    colour = FOCUS_COLOUR.rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixel(x, y) == colour)


def tab_to(qtbot, start: QWidget, target: QWidget, presses: int = 60) -> None:
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    for _ in range(presses):
        if target.hasFocus():
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert target.hasFocus()


def test_focus_is_clearly_visible(qtbot, document, focus_style, screenshots):
    window = make_window(qtbot, document)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    details = window.details
    targets = {
        "button": details.ui.addSlotButton,
        "table": details.ui.slotTable,
        "line edit": details.ui.roomEdit,
        "list": window.ui.sessionList,
    }
    for name, widget in targets.items():
        window.ui.tabs.tabBar().setFocus()
        unfocused = focus_pixels(widget)
        tab_to(qtbot, window.ui.tabs.tabBar(), widget)
        focused = focus_pixels(widget)
        # a 2 px frame around the whole control, not a tint
        assert focused - unfocused >= widget.width() + widget.height(), name
    tab_to(qtbot, window.ui.tabs.tabBar(), details.ui.addSlotButton)
    details.ui.addSlotButton.parentWidget().grab().save(str(screenshots / "focus-button.png"))


# --- the projector for colour-blind viewers and screen readers ------------------------------

# Machado, Oliveira & Fernandes (2009), full severity, on linear RGB.
DEFICIENCIES = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
}


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def seen_luminance(rgb: tuple[int, int, int], deficiency: str | None) -> float:
    """Relative luminance (WCAG) of a colour as seen with ``deficiency`` (None: typical)."""
    linear = [_linear(c) for c in rgb]
    if deficiency:
        matrix = DEFICIENCIES[deficiency]
        linear = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear, strict=True))))
                  for row in matrix]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: float, b: float) -> float:
    high, low = max(a, b), min(a, b)
    return (high + 0.05) / (low + 0.05)


def dominant_colours(image, rect) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(background, ink) in ``rect``: the commonest colour, and the commonest one far from it
    (anti-aliased edges are rarer than the digits' solid strokes)."""
    counts: dict[int, int] = {}
    for y in range(rect.top(), rect.bottom(), 2):
        for x in range(rect.left(), rect.right(), 2):
            pixel = image.pixel(x, y) & 0xFFFFFF
            counts[pixel] = counts.get(pixel, 0) + 1
    ranked = sorted(counts, key=counts.get, reverse=True)

    def rgb(p: int) -> tuple[int, int, int]:
        return (p >> 16) & 255, (p >> 8) & 255, p & 255

    background = rgb(ranked[0])
    ink = next(rgb(p) for p in ranked[1:]
               if sum(abs(a - b) for a, b in zip(rgb(p), background, strict=True)) > 150)
    return background, ink


def stage_states():
    base = dict(session_title="Panel 1", speaker="Ana Souza", affiliation="Mayor, Recife",
                next_speaker="Luis")
    return {
        "normal": StageReading(clock="4:05", level=Level.NORMAL, **base),
        "warning": StageReading(clock="0:55", level=Level.WARNING,
                                banner=banner_text(Level.WARNING, 60), **base),
        "danger": StageReading(clock="0:25", level=Level.DANGER,
                               banner=banner_text(Level.DANGER, 60), **base),
        "overtime": StageReading(clock="-1:12", level=Level.OVERTIME,
                                 banner=banner_text(Level.OVERTIME, 60), **base),
        "paused": StageReading(clock="2:30", level=Level.NORMAL, banner="PAUSED", paused=True,
                               **base),
    }


def test_projector_states_are_legible_without_colour(qtbot, projector, screenshots):
    banners = {}
    names = {}
    for state, reading in stage_states().items():
        projector.show_reading(reading)
        qtbot.wait(10)
        image = projector.grab().toImage()
        face = projector.clock_face.geometry()
        background, ink = dominant_colours(image, face)
        for deficiency in (None, *DEFICIENCIES):
            ratio = contrast(seen_luminance(ink, deficiency),
                             seen_luminance(background, deficiency))
            assert ratio >= 4.5, (state, deficiency, ink, background, round(ratio, 2))
        banner = projector.banner
        if banner.text:
            band = banner.geometry()
            band_background, band_ink = dominant_colours(image, band)
            for deficiency in (None, *DEFICIENCIES):
                ratio = contrast(seen_luminance(band_ink, deficiency),
                                 seen_luminance(band_background, deficiency))
                # bold banner words a tenth of the screen high: large text, 3:1 at least
                assert ratio >= 3.0, (state, deficiency, band_ink, band_background, ratio)
        banners[state] = (banner.text, banner.paused, banner.level)
        names[state] = projector.clock_face.accessibleName()
        image.save(str(screenshots / f"projector-state-{state}.png"))
    # every state says itself in words (and the banner draws its own shape for each)
    assert len(set(banners.values())) == len(banners)
    assert all(text for state, (text, _, _) in banners.items() if state != "normal")
    assert len(set(names.values())) == len(names)


def grey_signature(image, rect, deficiency: str) -> list[int]:
    """The banner as a deuteranope or protanope sees it, in coarse grey levels."""
    out = []
    for y in range(rect.top(), rect.bottom(), 4):
        for x in range(rect.left(), rect.right(), 4):
            p = image.pixel(x, y)
            rgb = ((p >> 16) & 255, (p >> 8) & 255, p & 255)
            out.append(int(seen_luminance(rgb, deficiency) * 8))
    return out


def test_banners_differ_in_grey_for_colour_blind_eyes(qtbot, projector):
    seen = {}
    for state, reading in stage_states().items():
        if state == "normal":
            continue
        projector.show_reading(reading)
        qtbot.wait(10)
        image = projector.grab().toImage()
        for deficiency in DEFICIENCIES:
            seen[state, deficiency] = grey_signature(image, projector.banner.geometry(),
                                                     deficiency)
    for deficiency in DEFICIENCIES:
        states = [s for s, d in seen if d == deficiency]
        for i, a in enumerate(states):
            for b in states[i + 1:]:
                differing = sum(x != y for x, y in zip(seen[a, deficiency], seen[b, deficiency],
                                                       strict=True))
                assert differing > len(seen[a, deficiency]) // 20, (a, b, deficiency)


def test_clock_face_speaks_in_words_once_a_minute(qtbot, projector):
    face = projector.clock_face
    calls: list[str] = []
    original = face.setAccessibleName
    face.setAccessibleName = lambda text: (calls.append(text), original(text))
    base = StageReading(speaker="Ana Souza", level=Level.NORMAL)
    # ten readings a second for 70 seconds, 4:59 down to 3:50
    for tenth in range(700):
        left = 299 - tenth / 10
        projector.show_reading(base._replace(clock=format_clock(left)))
    assert calls == ["Ana Souza: 5 minutes left", "Ana Souza: 4 minutes left"]
    assert face.accessibleDescription()
    projector.show_reading(base._replace(clock="0:40", level=Level.DANGER))
    assert face.accessibleName() == "Ana Souza: 1 minute or less left, please conclude"
    projector.show_reading(base._replace(clock="-2:10", level=Level.OVERTIME))
    assert face.accessibleName() == "Ana Souza: over time by 2 minutes"
    projector.show_reading(base._replace(clock="1:30", paused=True))
    assert face.accessibleName() == "Ana Souza: paused, 2 minutes left"
    projector.show_reading(StageReading())
    assert face.accessibleName() == "No speaker"


def test_qr_code_has_a_name_and_a_description(qtbot):
    qr = QrWidget("http://192.168.1.20:8765/j/abc")
    qtbot.addWidget(qr)
    assert "http://192.168.1.20:8765/j/abc" in qr.accessibleName()
    assert qr.accessibleDescription()
