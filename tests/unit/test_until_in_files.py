"""A speaker given "until 10:30" keeps it through the agenda files and the timing log
(reported: the export wrote a stale 12.87 minutes and the timing log ended the turn at
10:18:52)."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitator.core.timing_log import timing_log
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file, export_agenda, import_agenda
from facilitator.store.time_zone import event_time_zone

UNTIL = datetime(2026, 5, 18, 8, 30, tzinfo=UTC).timestamp()


def given_until(event_file) -> tuple[int, int]:
    session = store.list_sessions(event_file, with_slots=True)[0]
    slot = session.slots[1]
    store.update_slot(event_file, slot.id, planned_seconds=772, until_at=UNTIL)
    return session.id, slot.id


def test_until_round_trips_through_json_and_csv(event_file, tmp_path):
    session_id, slot_id = given_until(event_file)
    for kind in ("json", "csv"):
        exported = export_agenda(event_file, kind)
        assert "2026-05-18T08:30:00+00:00" in exported
        path = tmp_path / f"agenda.{kind}"
        path.write_text(exported, encoding="utf-8")
        # JSON carries the whole event; a CSV of slots goes into an event with the sessions.
        sample = "walrg" if kind == "csv" else None
        with EventFile.open(create_event_file(tmp_path / f"from-{kind}.db", sample)) as other:
            import_agenda(other, path)
            slots = store.list_sessions(other, with_slots=True)[0].slots
            assert slots[1].until_at == UNTIL
            assert [s.until_at for s in slots].count(None) == len(slots) - 1
            assert export_agenda(other, kind) == exported


def test_the_timing_log_ends_an_until_turn_at_its_time(event_file):
    session_id, slot_id = given_until(event_file)
    session = store.get_session(event_file, session_id)
    rows = timing_log(session, event_time_zone(event_file), now=UNTIL - 3600)
    assert rows[1].planned_end == UNTIL


def test_a_bad_until_names_the_line(event_file, tmp_path):
    path = tmp_path / "agenda.csv"
    path.write_text("session,name,planned_minutes,until\n1,Ana,5,half past ten\n",
                    encoding="utf-8")
    try:
        import_agenda(event_file, path)
    except Exception as error:  # AgendaError or EventFileError, as the CLI shows it
        assert "line 2" in str(error) and "until" in str(error)
    else:
        raise AssertionError("a bad until was accepted")
