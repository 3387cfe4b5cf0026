"""The Questions tab with a real phone server on 127.0.0.1, driven as a moderator would."""

from __future__ import annotations

import time

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.core.questions import QuestionStatus
from facilitator.gui.main_window import MainWindow
from facilitator.gui.question_model import Column, QuestionFilter
from facilitator.gui.questions_tab import QuestionsTab
from facilitator.store import questions as store
from facilitator.store.sessions import get_session

HEADERS = {"X-Facilitator": "1"}


@pytest.fixture
def window(questions_window):
    return questions_window


@pytest.fixture
def tab(window) -> QuestionsTab:
    window.ui.tabs.setCurrentWidget(window.tabs["Questions"])
    return window.tabs["Questions"]


def local_url(tab: QuestionsTab) -> str:
    tab.address_box.setCurrentIndex(tab.address_box.findData("127.0.0.1"))
    return tab.join_url()


def post_question(tab, text, device="phone-000001", **extra):
    session = tab.session()
    url = f"http://127.0.0.1:{tab.server.port}/api/j/{session.join_token}/questions"
    return httpx.post(url, json={"text": text, "device": device, **extra}, headers=HEADERS)


def accept_merge_dialog(qtbot, choose=None):
    """Once the merge dialog is up: optionally choose the question to keep, then Enter."""
    from PySide6.QtCore import QTimer

    from facilitator.gui.merge_dialog import MergeDialog

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeDialog):
            QTimer.singleShot(20, act)
            return
        if choose is not None:
            dialog.choose(choose)
        qtbot.keyClick(dialog.choices, Qt.Key.Key_Return)

    QTimer.singleShot(0, act)


def test_opening_questions_starts_the_server_and_shows_how_to_join(qtbot, tab, document):
    assert not tab.open_button.isChecked() and tab.qr.text == ""
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert tab.server_running
    session = tab.session()
    assert session.questions_open
    url = local_url(tab)
    assert url == f"http://127.0.0.1:{tab.server.port}/j/{session.join_token}"
    assert tab.qr.text == url and tab.url_label.text() == url
    assert session.short_code in tab.code_label.text()
    assert tab.speaker_label.text().endswith(f"/s/{session.speaker_token}")
    assert tab.url_label.textFormat() == Qt.TextFormat.PlainText
    assert httpx.get(url).status_code == 200
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert not tab.server_running
    assert not get_session(document.file, session.id).questions_open
    assert tab.qr.text == ""


def test_new_questions_reach_the_moderator_within_a_second(qtbot, tab, document):
    tab.open_questions()
    started = time.monotonic()
    assert post_question(tab, "<img src=x> How will cities pay?").status_code == 201
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=1000)
    assert time.monotonic() - started < 1.0
    index = tab.model.index(0, Column.QUESTION)
    assert index.data() == "<img src=x> How will cities pay?"
    assert "1 to review" in tab.counts_label.text()


def test_moderation_buttons_and_keys(qtbot, tab, document):
    tab.open_questions()
    for text in ("How will cities finance climate adaptation?",
                 "How can cities finance adaptation to climate change?",
                 "What about housing?"):
        post_question(tab, text, device=f"phone-{len(text):06d}")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=2000)
    tab.sort_box.setCurrentIndex(tab.sort_box.findData("time"))
    ids = [tab.model.question_at(row).id for row in range(3)]
    assert tab.model.notes(tab.model.question_at(1)) == [f"≈ #{ids[0]}"]

    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_A)
    assert store.get_question(document.file, ids[0]).status is QuestionStatus.APPROVED
    tab.table.selectRow(2)
    qtbot.mouseClick(tab.buttons["reject"], Qt.MouseButton.LeftButton)
    assert store.get_question(document.file, ids[2]).status is QuestionStatus.REJECTED

    # merge the flagged duplicate into the earlier question (approved: the one proposed)
    tab.select_question(ids[1])
    accept_merge_dialog(qtbot)
    qtbot.keyClick(tab.table, Qt.Key.Key_G)
    assert store.get_question(document.file, ids[1]).status is QuestionStatus.MERGED
    assert store.get_question(document.file, ids[0]).votes == 1

    tab.select_question(ids[0])
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.window(), timeout=1000)
    qtbot.keyClick(tab.table, Qt.Key.Key_S)
    assert store.get_question(document.file, ids[0]).starred
    qtbot.keyClick(tab.table, Qt.Key.Key_O)
    assert store.on_screen_question(document.file, tab.session_id).id == ids[0]
    assert tab.projector().question_label.text().startswith("“How will cities")
    qtbot.keyClick(tab.table, Qt.Key.Key_O)
    assert store.on_screen_question(document.file, tab.session_id) is None

    tab.answered_by.setCurrentText("Mayor of Lyon")
    tab.select_question(ids[0])
    qtbot.keyClick(tab.table, Qt.Key.Key_D)
    answered = store.get_question(document.file, ids[0])
    assert answered.status is QuestionStatus.ANSWERED and answered.answered_by == "Mayor of Lyon"
    assert "1 answered" in tab.counts_label.text()
    # A merged question was not turned down: it is counted and filtered apart.
    assert "1 not selected · 1 merged" in tab.counts_label.text()

    tab.filter_box.setCurrentIndex(tab.filter_box.findData(QuestionFilter.NOT_SELECTED.value))
    assert tab.model.rowCount() == 1
    tab.filter_box.setCurrentIndex(tab.filter_box.findData(QuestionFilter.MERGED.value))
    assert [q.id for q in tab.model.questions()] == [ids[1]]


def test_editing_the_wording_keeps_the_original(qtbot, tab, document):
    tab.open_questions()
    post_question(tab, "Orignal wording")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    index = tab.model.index(0, Column.QUESTION)
    assert tab.model.setData(index, "Original wording")
    qtbot.waitUntil(lambda: tab.model.index(0, Column.QUESTION).data() == "Original wording")
    question = tab.model.question_at(0)
    assert question.original_text == "Orignal wording" and question.edited
    assert "Sent as: Orignal wording" in tab.model.index(0, Column.QUESTION).data(
        Qt.ItemDataRole.ToolTipRole)


def test_auto_approve_and_watch_words(qtbot, tab, document):
    tab.open_questions()
    tab.auto_approve.setChecked(True)
    tab.watch_words.setText("scandal,  Scandal , bribe")
    tab.watch_words.editingFinished.emit()
    session = tab.session()
    assert session.auto_approve and session.watch_words == ("scandal", "bribe")
    post_question(tab, "Where is the money going?")
    post_question(tab, "What about the bribe?", device="phone-000002")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=2000)
    statuses = {q.text: q for q in tab.model.questions()}
    assert statuses["Where is the money going?"].status is QuestionStatus.APPROVED
    assert statuses["What about the bribe?"].status is QuestionStatus.PENDING
    assert "⚑ review" in tab.model.notes(statuses["What about the bribe?"])


def test_join_code_on_the_projector_and_poster(qtbot, tab, document, tmp_path, monkeypatch):
    tab.open_questions()
    local_url(tab)
    qtbot.mouseClick(tab.projector_button, Qt.MouseButton.LeftButton)
    projector = tab.projector()
    assert projector.current_page() == "join"
    assert projector.qr.text == tab.join_url()
    qtbot.mouseClick(tab.projector_button, Qt.MouseButton.LeftButton)
    assert projector.current_page() == "stage"

    target = tmp_path / "poster.pdf"
    monkeypatch.setattr("facilitator.gui.phone_panel.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "PDF (*.pdf)"))
    qtbot.mouseClick(tab.poster_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")


def test_closing_the_window_stops_the_server(qtbot, document):
    window = MainWindow(document)
    qtbot.addWidget(window)
    tab = window.tabs["Questions"]
    tab.server_host, tab.server_port = "127.0.0.1", 0
    tab.open_questions()
    port = tab.server.port
    session_id = tab.session_id
    window.close()
    assert tab.server is None
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
    del session_id


def test_while_phones_are_in_their_connections_are_kept_out_of_full_collections(qtbot, tab):
    """Phones let in: the heap is frozen and survivors of young collections follow (a full
    collection walking 2,000 phones' connections held the GIL 40-85 ms: gui/collector.py);
    phones let out: the heap is thawed."""
    import gc

    from facilitator.gui import collector

    assert collector._freeze_survivors not in gc.callbacks
    tab.open_questions()
    assert collector._freeze_survivors in gc.callbacks
    assert gc.get_freeze_count() > 0
    httpx.get(local_url(tab), timeout=5)  # a phone comes
    gc.collect(1)
    assert not gc.get_objects(generation=2)  # what lives on is frozen
    tab.close_questions()
    assert tab.server is None
    assert collector._freeze_survivors not in gc.callbacks
    assert gc.get_freeze_count() == 0


def test_questions_tab_screenshot(qtbot, tab, document, window, screenshots):
    tab.open_questions()
    local_url(tab)
    texts = [
        ("How will local governments finance climate adaptation without new national "
         "transfers?", "Ana Souza", "City of Recife", "Minister (to be confirmed) — panel 1"),
        ("¿Cómo pueden las ciudades medir el avance de los ODS con pocos datos?", "Luis",
         "", ""),
        ("Quelle place pour les femmes maires dans la revue du Nouvel Agenda urbain ?", "",
         "CGLU Afrique", ""),
        ("How can cities finance adaptation to climate change?", "", "", ""),
        ("What about the housing crisis and the scandal of empty buildings?", "Tom", "", ""),
    ]
    tab.watch_words.setText("scandal")
    tab.watch_words.editingFinished.emit()
    for i, (text, author, org, to) in enumerate(texts):
        post_question(tab, text, device=f"phone-{i:06d}", author=author, organisation=org,
                      to=to)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5, timeout=2000)
    questions = {q.text[:10]: q.id for q in tab.model.questions()}
    now = document.clock.now()
    for key in ("How will l", "¿Cómo pued", "Quelle pla"):
        store.approve_question(document.file, questions[key], now=now)
    for i in range(4):
        store.add_vote(document.file, questions["How will l"], f"voter-{i}", now=now)
    store.add_vote(document.file, questions["Quelle pla"], "voter-1", now=now)
    store.star_question(document.file, questions["Quelle pla"], True, now=now)
    store.set_on_screen(document.file, tab.session_id, questions["How will l"], now=now)
    document.questions_did_change.emit(tab.session_id)
    window.resize(1400, 820)
    tab.select_question(questions["How will l"])
    qtbot.wait(50)
    assert window.grab().save(str(screenshots / "questions-tab.png"))


def test_phone_news_waits_while_the_moderator_edits_a_wording(qtbot, tab, document):
    """A vote arriving mid-edit must not close the editor and drop the new wording."""
    tab.open_questions()
    assert post_question(tab, "How will cities pay?").status_code == 201
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    question = tab.model.questions()[0]
    index = tab.model.index(0, Column.QUESTION)
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    editor = tab.table.indexWidget(index) or QApplication.focusWidget()
    assert tab.table.state() == tab.table.State.EditingState
    editor.selectAll()
    qtbot.keyClicks(editor, "How will cities pay for adaptation?")
    assert post_question(tab, "Another one", device="phone-000002").status_code == 201
    qtbot.wait(600)  # past the news delay: the news has arrived
    assert tab.table.state() == tab.table.State.EditingState
    assert tab.model.rowCount() == 1  # held back while editing
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=2000)
    assert store.get_question(document.file, question.id).text == (
        "How will cities pay for adaptation?")


def test_tooltips_show_phone_text_literally(qtbot, tab, document):
    from PySide6.QtGui import QTextDocument

    tab.open_questions()
    assert post_question(tab, "<b>Bold</b> & <img src=x>").status_code == 201
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    question = tab.model.questions()[0]
    store.edit_question(document.file, question.id, "Edited wording", now=time.time())
    document.questions_did_change.emit(tab.session_id)
    tip = tab.model.index(0, Column.QUESTION).data(Qt.ItemDataRole.ToolTipRole)
    rendered = QTextDocument()
    rendered.setHtml(tip)
    assert "<b>Bold</b> & <img src=x>" in rendered.toPlainText()


def test_removing_the_open_session_stops_the_phone_server(qtbot, tab, window, document,
                                                          answer_question):
    tab.open_questions()
    assert tab.server_running
    window.remove_session()
    answer_question(window, "removeSessionQuestion")
    assert not tab.server_running


def test_podium_view_is_served_with_questions_closed(qtbot, tab, document):
    """The podium link exists from the session's creation: serving it needs no open
    questions, and closing questions does not take the podium down."""
    session = tab.session()
    assert tab.speaker_label.text() == ""
    qtbot.mouseClick(tab.podium_button, Qt.MouseButton.LeftButton)
    assert tab.server_running and tab.podium_button.isChecked()
    assert not get_session(document.file, session.id).questions_open
    tab.address_box.setCurrentIndex(tab.address_box.findData("127.0.0.1"))
    podium = tab.speaker_label.text()
    assert podium == f"http://127.0.0.1:{tab.server.port}/s/{session.speaker_token}"
    assert httpx.get(podium).status_code == 200
    api = podium.replace("/s/", "/api/s/")
    assert httpx.get(api, headers=HEADERS).json()["title"] == session.title
    # Phones may not ask while questions are closed; the join QR is not shown.
    assert tab.qr.text == "" and not tab.open_button.isChecked()
    assert "podium" in tab.state_label.text()

    # Questions open and close: the podium stays served.
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert tab.speaker_label.text() == podium
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert tab.server_running and tab.speaker_label.text() == podium
    assert httpx.get(api, headers=HEADERS).status_code == 200

    qtbot.mouseClick(tab.podium_button, Qt.MouseButton.LeftButton)
    assert not tab.server_running and tab.speaker_label.text() == ""


def test_podium_link_shows_while_questions_are_open(qtbot, tab):
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert tab.speaker_label.text().endswith(f"/s/{tab.session().speaker_token}")
    assert not tab.podium_button.isChecked()
    # Not served on its own: closing questions stops the server, as before.
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert not tab.server_running and tab.speaker_label.text() == ""


def test_a_podium_in_use_stays_lit_when_questions_close(qtbot, tab):
    """Reported: closing questions stopped the server, and the podium tablet reading the
    clock went to "connection lost". A podium that polled recently keeps it running."""
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    tab.address_box.setCurrentIndex(tab.address_box.findData("127.0.0.1"))
    api = tab.speaker_label.text().replace("/s/", "/api/s/")
    assert httpx.get(api, headers=HEADERS).status_code == 200  # the podium polls
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)  # close questions
    assert tab.server_running and tab.podium_button.isChecked()
    assert httpx.get(api, headers=HEADERS).status_code == 200
    qtbot.mouseClick(tab.podium_button, Qt.MouseButton.LeftButton)  # the moderator decides
    assert not tab.server_running


def test_phones_votes_update_only_the_counts(qtbot, tab, document):
    """A hall voting through the real server: each batch of news reads only the questions
    phones named (no full read of the session on the window's connection), and the counts
    show; news that names no question (a team device's) still reads everything."""
    tab.open_questions()
    for i in range(3):
        posted = post_question(tab, f"Question {i} on housing?", device=f"phone-{i}")
        assert posted.status_code == 201
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=2000)
    for question in tab.model.questions():
        store.approve_question(document.file, question.id, now=time.time())
    tab.model.reload()
    target = tab.model.questions()[1].id
    token = tab.session().join_token
    statements: list[str] = []
    document.file.db.conn.set_trace_callback(statements.append)
    try:
        for phone in range(4):
            with httpx.Client(base_url=f"http://127.0.0.1:{tab.server.port}",
                              headers=HEADERS) as client:
                assert client.post(f"/api/j/{token}/questions/{target}/vote",
                                   json={}).status_code == 200, phone
        qtbot.waitUntil(lambda: tab.model.question_at(tab.model.row_of(target)).votes == 4,
                        timeout=2000)
    finally:
        document.file.db.conn.set_trace_callback(None)
    def full_reads() -> list[str]:  # the session's questions read whole
        return [s for s in statements if "FROM questions" in s and "ORDER BY" in s]

    assert not full_reads(), statements
    tab.server._app.phones.notify("questions", tab.session_id)  # none named: a full read
    document.file.db.conn.set_trace_callback(statements.append)
    try:
        qtbot.waitUntil(lambda: bool(full_reads()), timeout=2000)
    finally:
        document.file.db.conn.set_trace_callback(None)


def test_a_question_taken_before_its_notice_still_shows(qtbot, tab, document):
    """The server notes a phone's question before its notice crosses threads: a batch that
    takes the note early (here with only floor news for the session) keeps it for the
    notice that follows."""
    from facilitator.store import EventFile

    tab.open_questions()
    assert post_question(tab, "Who pays for transit?").status_code == 201
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    question = tab.model.question_at(0)
    store.approve_question(document.file, question.id, now=time.time())
    tab.model.reload()
    phones = tab.server._app.phones
    with EventFile.open(document.file.path, lock=False) as phone_side:
        store.add_vote(phone_side, question.id, "a-phone", now=time.time())
    phones.notify("votes", tab.session_id, question.id)  # its notice is queued, not shown
    tab.phones._on_server_news("floor", tab.session_id)
    tab.phones._show_server_news()  # takes the note with floor news only
    qtbot.waitUntil(lambda: tab.model.question_at(0).votes == question.votes + 1, timeout=2000)
