"""The projector shows the session whose speaker is on stage, whichever session the
moderator browses meanwhile (reported: clicking the next panel in the agenda mid-speech took
the live countdown, and kept the wrong question and message, on the room's screen)."""

from __future__ import annotations

from facilitator.core.clock import FakeClock
from facilitator.gui.document import EventDocument
from facilitator.gui.main_window import MainWindow
from facilitator.store import questions as qstore
from facilitator.store import sessions as store


def test_browsing_another_panel_keeps_the_live_speaker_on_the_projector(qtbot, event_file):
    clock = FakeClock(1_800_000_000.0)
    document = EventDocument(event_file, clock=clock)
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    first, second = store.list_sessions(event_file)[:2]
    window.select_session(first.id)
    run = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(run)
    run.projector_action.trigger()
    assert run.timer.toggle()  # the first speaker of panel 1 starts
    clock.advance(30)
    run.refresh_clock()
    live = run.projector.reading
    assert live.session_title == first.title and live.speaker

    store.set_questions_open(event_file, first.id, True)
    question = qstore.submit_question(event_file, first.id, "Who pays for adaptation?",
                                      now=clock.now(), device_id="phone-1")[0]
    qstore.set_on_screen(event_file, first.id, question.id, now=clock.now())
    window.tabs["Questions"].set_session(first.id)

    window.select_session(second.id)  # the moderator looks at the next panel
    clock.advance(5)
    run.refresh_clock()
    shown = run.projector.reading
    assert shown.session_title == first.title  # the screen stays with the live panel
    assert shown.speaker == live.speaker and shown.clock != live.clock  # still counting
    assert run.session_id == second.id  # while the tab shows panel 2's speakers list
    assert "Who pays for adaptation?" in run.projector.question_label.text()

    # Once that turn has ended, the screen follows the panel the moderator shows.
    slot = next(s for s in store.get_session(event_file, first.id).slots
                if s.clock.started_at is not None)
    store.save_timer(event_file, slot.id, slot.clock.finish(clock.now()), "timer_ended")
    document.slots_did_change.emit(first.id)
    window.tabs["Questions"].set_session(second.id)
    assert run.projector.reading.session_title == second.title
    assert not run.projector.question_label.isVisibleTo(run.projector)


def test_who_is_on_stage_stays_what_the_file_says_without_asking_it(qapp, tmp_path_factory):
    """The shared state keeps who is live up to date from the sessions the clock keys hand
    over (no query per key press), and always agrees with a fresh read of the file."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from facilitator.actions import speakers
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file

    keys = {"space": lambda sid, now: speakers.toggle(sid, now),
            "next": lambda sid, now: speakers.step(sid, now, +1),
            "previous": lambda sid, now: speakers.step(sid, now, -1)}

    @settings(max_examples=25, deadline=None)
    @given(presses=st.lists(st.tuples(st.sampled_from(sorted(keys)), st.integers(0, 2),
                                      st.integers(0, 3)), min_size=1, max_size=12))
    def check(presses):
        path = create_event_file(tmp_path_factory.mktemp("stage") / "event.db", "walrg")
        with EventFile.open(path) as ef:
            clock = FakeClock(1_800_000_000.0)
            document = EventDocument(ef, clock=clock)
            state = document.session_state
            sessions = [s.id for s in store.list_sessions(ef)[:3]]
            for key, which, seconds in presses:
                clock.advance(seconds)  # ties (same instant) included
                state.live_session_id()
                statements: list[str] = []
                ef.db.conn.set_trace_callback(statements.append)
                done = document.runner.run(keys[key](sessions[which], clock.now()))
                asked = state.live_session_id()
                ef.db.conn.set_trace_callback(None)
                assert asked == store.live_session_id(ef)  # a fresh read
                if done is not None and done.changes:
                    assert [s for s in statements if "started_at IS NOT NULL" in s] == []
            document.deleteLater()

    check()
