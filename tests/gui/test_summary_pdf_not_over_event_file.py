"""The Summary tab's PDF writer refuses the open event file, as every export writer does
(tests/unit/test_output_never_an_event_file.py), and the window says so in its language."""

from __future__ import annotations

import os

import pytest

from facilitator.store import EventFileError
from facilitator.store import sessions as store
from facilitator.store.problems import Problem


def test_the_summary_pdf_is_never_written_over_the_open_event_file(document):
    from facilitator.gui.action_text import file_error_text
    from facilitator.gui.summary_preview import write_summary_pdf
    from facilitator.reports.session_report import load_session_report

    ef = document.file
    inode = os.stat(ef.path).st_ino
    report = load_session_report(ef, store.list_sessions(ef)[0].stored_id)
    with pytest.raises(EventFileError) as refused:
        write_summary_pdf(report, "A4", "en", ef.path)
    assert refused.value.problem is Problem.WOULD_REPLACE_EVENT_FILE
    assert os.stat(ef.path).st_ino == inode
    assert file_error_text(refused.value).startswith(f"{ef.path} is an event file")
