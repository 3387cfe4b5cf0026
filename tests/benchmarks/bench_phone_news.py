"""What a batch of phones' news costs the window's GUI thread, as questions grow.

The real main window offscreen, the Questions tab in front with the phone server running
(127.0.0.1); another connection writes as the phone server does: 8 upvotes per batch (a
hall of 2,000 phones voting about once a minute gives ~8 per NEWS_DELAY_MS), each noticed
through the phone app's own ``notify``. Then one batch is shown (``_show_server_news``), the
rows on screen sized, and the repaints Qt asks for done; GUI-thread CPU time, median and
worst of ``--batches``. *whole session*: the notices name no question (as a team device's),
so the whole session is read again, which was every phone's news before issue 17; *named
questions*: the phone server names the questions it wrote (``take_question_news``).

    scripts/bench news [--questions 100,1000,5000] [--batches 15]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_audience_load import make_event  # noqa: E402
from machine import median, publish, table  # noqa: E402

VOTES_PER_BATCH = 8


def measure(questions: int, batches: int) -> dict[str, tuple[list[float], list[float]]]:
    from PySide6.QtCore import QCoreApplication

    from facilitator.gui.app import App
    from facilitator.store import EventFile
    from facilitator.store import questions as qstore

    event, session_id, _ = make_event(Path(tempfile.mkdtemp(prefix="bench-news-")), questions)
    opened = App()
    assert opened.open(str(event))
    window = opened.windows[0]
    window.resize(1280, 800)
    window.select_session(session_id)
    tab = window.tabs["Questions"]
    window.ui.tabs.setCurrentWidget(tab)
    window.show()
    tab.server_host, tab.server_port = "127.0.0.1", 0
    assert tab.open_questions()
    phones = tab.server._app.phones
    for _ in range(50):
        QCoreApplication.processEvents()
    phone_side = EventFile.open(event, lock=False)  # as the phone server's connection
    ids = [q.id for q in tab.model.questions()]
    results: dict[str, tuple[list[float], list[float]]] = {}
    for label, named in (("whole session", False), ("named questions", True)):
        news_ms, total_ms = [], []
        for batch in range(batches):
            for vote in range(VOTES_PER_BATCH):
                question_id = ids[(batch * VOTES_PER_BATCH + vote * 37) % len(ids)]
                qstore.add_vote(phone_side, question_id, f"v-{label}-{batch}-{vote}",
                                now=time.time())
                phones.notify("votes", session_id, question_id if named else 0)
            QCoreApplication.processEvents()  # the notices arrive (queued)
            tab.phones._news_timer.stop()  # shown now, not NEWS_DELAY_MS later
            started = time.thread_time()
            tab.phones._show_server_news()
            tab.moderation._size_visible_rows()
            shown = time.thread_time()
            for _ in range(3):
                QCoreApplication.processEvents()  # the repaints Qt asks for
            news_ms.append((shown - started) * 1000)
            total_ms.append((time.thread_time() - started) * 1000)
        results[label] = (news_ms, total_ms)
    phone_side.close()
    window.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", default="100,1000,5000")
    parser.add_argument("--batches", type=int, default=15)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from facilitator.gui.app import make_application

    app = make_application()  # noqa: F841 - kept alive for the windows
    rows = []
    for questions in [int(q) for q in args.questions.split(",")]:
        for label, (news_ms, total_ms) in measure(questions, args.batches).items():
            rows.append([questions, label, f"{median(news_ms):.1f}", f"{max(news_ms):.1f}",
                         f"{median(total_ms):.1f}", f"{max(total_ms):.1f}"])
            print(rows[-1], file=sys.stderr)
    body = (f"{VOTES_PER_BATCH} upvotes from phones per batch (one batch every 250 ms, "
            f"`NEWS_DELAY_MS`), {args.batches} batches; GUI-thread CPU ms. *news*: the batch "
            "read and placed in the table, the rows on screen sized; *with repaint*: and the "
            "repaints that follow. *whole session*: news naming no question reads the session "
            "again (every phone's news before issue 17); *named questions*: the phone server "
            "names the questions it wrote.\n\n"
            + table(["questions", "news", "news median ms", "news max ms",
                     "with repaint median ms", "with repaint max ms"], rows))
    if args.no_write:
        print(body)
    else:
        publish("news", "Phones' news on the GUI thread", body)


if __name__ == "__main__":
    main()
