"""The server side of the audience load benchmark, run as its own process.

``load_server.py app EVENT_FILE SESSION_ID``: the real app, offscreen: the main window on
the session, the Questions tab in front, phones let in through the tab's own
``open_questions()`` (the same PhoneServer runner a moderator starts), on 127.0.0.1 and a
free port.

``load_server.py polls EVENT_FILE SESSION_ID``: the real app as ``app``, with the Polls tab
in front (live results re-read as answers come) and the projector showing the results.

``load_server.py server EVENT_FILE``: the phone server alone, without the window.

``load_server.py bare [QUESTIONS]``: the baseline, a bare Starlette app under uvicorn with
the same uvicorn settings (and HTTP stack) as the runner, answering every route with
constant bytes from memory: the page, its files and a state of QUESTIONS questions, each
with its ETag and gzip (a 304 when the phone has them). No limits, no cookies, no SQL.

Both print ``READY <port>`` and then answer lines on stdin: ``reset`` (start a new
measurement window), ``stats`` (one JSON line: worst GUI stall, RSS, CPU seconds),
``projector`` (app only: show the projector and paint it; ``PROJECTOR <ms>`` once shown,
as the open-files flood test asks) and ``quit``.

The stall depends on the machine's load (the GUI thread waits for a core and for the GIL);
what the GUI thread itself works does not: ``stats`` also gives its CPU seconds since the
reset and its largest burst (CPU between two probe ticks). With FACILITATOR_GUI_PROFILE set
to a file name, the GUI thread is profiled (cProfile) from each reset and the profile is
written there at ``stats``.
"""

from __future__ import annotations

import cProfile
import gc
import json
import os
import resource
import sys
import threading
import time

import psutil

PROBE_MS = 10


# Garbage collections while measured: (generation, wall ms, CPU ms of the thread that ran
# it), whatever thread ran them (a collection holds the GIL: the window waits for it like
# for any Python work; the wall time also counts the thread waiting for a core).
COLLECTIONS: list[tuple[int, float, float]] = []
_collecting: dict[str, float] = {}


def _on_collection(phase: str, info: dict) -> None:
    if phase == "start":
        _collecting["at"] = time.perf_counter()
        _collecting["cpu"] = time.thread_time()
    elif "at" in _collecting:
        COLLECTIONS.append((info["generation"],
                            (time.perf_counter() - _collecting.pop("at")) * 1000,
                            (time.thread_time() - _collecting.pop("cpu")) * 1000))


gc.callbacks.append(_on_collection)


class Probe:
    """How late a 10 ms timer fires on the GUI thread: the event loop's worst stall."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.ticks = 0
        # The GUI thread's own CPU (thread_time, read on the GUI thread in tick()): what
        # it worked between two ticks, whatever the load made it wait.
        self.last_cpu = self.start_cpu = time.thread_time()
        self.cpu = 0.0
        self.burst = 0.0
        self.profile_path = os.environ.get("FACILITATOR_GUI_PROFILE")
        self.profile: cProfile.Profile | None = None
        self.reset_asked = False
        self.dumped = threading.Event()  # cleared: stats asks for the profile
        self.dumped.set()

    def tick(self) -> None:
        now = time.perf_counter()
        cpu = time.thread_time()
        if self.reset_asked:  # on the GUI thread: the profiler hooks the thread it runs on
            self.reset_asked = False
            self._reset_here(now, cpu)
        if self.profile is not None and not self.dumped.is_set():
            self.profile.dump_stats(self.profile_path)  # this stops it: a snapshot, then on
            self.profile.enable()
            self.dumped.set()
        self.worst = max(self.worst, now - self.last - PROBE_MS / 1000)
        self.burst = max(self.burst, cpu - self.last_cpu)
        self.cpu = cpu - self.start_cpu
        self.last = now
        self.last_cpu = cpu
        self.ticks += 1

    def reset(self) -> None:
        self.worst = 0.0
        self.burst = 0.0
        self.ticks = 0
        self.reset_asked = True
        COLLECTIONS.clear()

    def _reset_here(self, now: float, cpu: float) -> None:
        self.worst = self.burst = self.cpu = 0.0
        for spent in SLOT_MS.values():
            spent.clear()
        self.start_cpu = cpu
        if self.profile_path:
            if self.profile is not None:
                self.profile.disable()
            # The thread's CPU, not the wall clock: waits for the GIL are not its work.
            self.profile = cProfile.Profile(time.thread_time)
            self.profile.enable()

    def dump_profile(self) -> None:
        """Have the GUI thread write its profile (cProfile works on its own thread only)."""
        if self.profile_path:
            self.dumped.clear()
            self.dumped.wait(5)


# GUI-thread CPU ms of each call of the slots phones' news and answers cause (filled by
# run_app): the cost of one news batch, one re-read of the poll results.
SLOT_MS: dict[str, list[float]] = {}


def time_slot(cls: type, name: str, label: str) -> None:
    """Wrap ``cls.name`` (before any instance connects it) to note its GUI-thread CPU."""
    slot = getattr(cls, name)
    spent = SLOT_MS.setdefault(label, [])

    def timed(self, *args, **kwargs):
        started = time.thread_time()
        try:
            return slot(self, *args, **kwargs)
        finally:
            spent.append((time.thread_time() - started) * 1000)

    setattr(cls, name, timed)


def slot_summary() -> dict[str, list[float]]:
    """Per slot: [calls, median ms, max ms, total ms] since the last reset."""
    summary = {}
    for label, spent in SLOT_MS.items():
        ordered = sorted(spent)
        summary[label] = [len(ordered), ordered[len(ordered) // 2] if ordered else 0.0,
                          ordered[-1] if ordered else 0.0, sum(ordered)]
    return summary


def thread_cpu(name: str) -> float | None:
    """CPU seconds of this process's thread called ``name`` (the phone server's is
    "phone-server", the GUI's "MainThread"), or None if there is none."""
    found = [t.native_id for t in threading.enumerate() if t.name == name]
    if not found:
        return None
    for thread in psutil.Process().threads():
        if thread.id == found[0]:
            return thread.user_time + thread.system_time
    return None


def stats(probe: Probe | None) -> str:
    me = psutil.Process()
    cpu = me.cpu_times()
    if probe:
        probe.dump_profile()
    return json.dumps({
        "stall_ms": probe.worst * 1000 if probe else None,
        "ticks": probe.ticks if probe else None,
        "gui_cpu_s": probe.cpu if probe else None,
        "gui_burst_ms": probe.burst * 1000 if probe else None,
        "slots": slot_summary(),
        "rss_mb": me.memory_info().rss / 2**20,
        "cpu_s": cpu.user + cpu.system,
        # Per thread: what the phone server's own thread and the GUI thread spent.
        "server_thread_cpu_s": thread_cpu("phone-server"),
        "collections": len(COLLECTIONS),
        "collection_worst_ms": max((ms for _, ms, _ in COLLECTIONS), default=0.0),
        "collection_worst_cpu_ms": max((cpu for _, _, cpu in COLLECTIONS), default=0.0),
        "full_collections": sum(1 for generation, _, _ in COLLECTIONS if generation == 2),
        "full_collection_worst_ms": max(
            (ms for generation, ms, _ in COLLECTIONS if generation == 2), default=0.0),
        "main_thread_cpu_s": thread_cpu("MainThread"),
    })


def serve_commands(probe: Probe | None, quit_now, more=None) -> None:
    """Read commands on a plain thread: it only reads numbers and prints; ``more`` maps
    other commands to callables that answer for themselves."""
    for line in sys.stdin:
        command = line.strip()
        if more and command in more:
            more[command]()
        elif command == "reset" and probe:
            probe.reset()
            print("OK", flush=True)
        elif command == "reset":
            print("OK", flush=True)
        elif command == "stats":
            print(stats(probe), flush=True)
        elif command == "quit":
            break
    quit_now()


def run_app(path: str, session_id: int, front: str = "Questions") -> None:
    from PySide6.QtCore import QObject, Qt, QTimer, Signal

    from facilitator.gui.app import App, make_application
    from facilitator.gui.phone_panel import PhonePanel
    from facilitator.gui.polls.polls_tab import PollsTab

    time_slot(PhonePanel, "_show_server_news", "news")
    time_slot(PollsTab, "reload", "poll results")
    class Quitter(QObject):
        quit_requested = Signal()
        projector_requested = Signal()

    app = make_application()
    facilitator = App()
    assert facilitator.open(path), "the app did not open the event file"
    window = facilitator.windows[0]
    window.resize(1280, 800)
    window.select_session(session_id)
    tab = window.tabs["Questions"]
    window.ui.tabs.setCurrentWidget(tab)  # the moderator watches the table fill
    tab.server_host, tab.server_port = "127.0.0.1", 0
    assert tab.open_questions(), "the phone server did not start"
    if front == "Polls":  # the moderator watches the answers come, the room their results
        window.ui.tabs.setCurrentWidget(window.tabs["Polls"])
        window.tabs["Run"].projector.show_on_stage()

    probe = Probe()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(probe.tick)
    timer.start(PROBE_MS)

    quitter = Quitter()

    def finish() -> None:
        timer.stop()
        window.close()  # stops the phone server through the tab's shutdown()
        app.quit()

    def show_projector() -> None:
        started = time.perf_counter()
        projector = window.tabs["Run"].projector
        projector.show_on_stage()
        projector.grab()  # painted once, fonts and all
        print(f"PROJECTOR {(time.perf_counter() - started) * 1000:.0f}", flush=True)

    quitter.quit_requested.connect(finish, Qt.ConnectionType.QueuedConnection)
    quitter.projector_requested.connect(show_projector, Qt.ConnectionType.QueuedConnection)
    threading.Thread(target=serve_commands,
                     args=(probe, quitter.quit_requested.emit,
                           {"projector": quitter.projector_requested.emit}),
                     daemon=True).start()
    print(f"READY {tab.server.port}", flush=True)
    app.exec()


def run_server(path: str) -> None:
    """The phone server alone (PhoneServer, its thread, the shipped limits), no Qt: what the
    window's GUI thread costs the server shows as the difference from ``app``."""
    from facilitator.audience.runner import PhoneServer

    server = PhoneServer(path, host="127.0.0.1", port=0)
    server.start()
    done = threading.Event()
    threading.Thread(target=serve_commands, args=(None, done.set), daemon=True).start()
    print(f"READY {server.port}", flush=True)
    done.wait()
    server.stop()


def run_bare(questions: int) -> None:
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from facilitator.assets import asset_path
    from facilitator.audience.encoded import Encoded
    from facilitator.audience.runner import bind_socket
    from facilitator.audience.stack import http_stack
    from facilitator.audience.webfiles import WebFiles

    web = WebFiles.load(asset_path("web"))
    state = {"session": {"title": "Bare", "open": True}, "speakers": ["A", "B"],
             "questions": [{"id": i, "text": f"Seeded question {i}: how do cities finance "
                            "housing?", "author": "", "organisation": "", "to": "",
                            "votes": i % 17, "voted": False, "status": "approved"}
                           for i in range(questions)],
             "on_screen": None, "rev": "0"}
    shared = Encoded.of(json.dumps(state, separators=(",", ":")).encode(), "application/json")
    me = Encoded.of(b'{"voted":[],"mine":[]}', "application/json")

    def constant(encoded: Encoded):
        async def answer(request):
            return encoded.response(request, "no-cache")
        return answer

    async def web_file(request):
        return web.files[request.path_params["name"]].response(request, "public")

    async def created(request):
        await request.body()
        return JSONResponse({"id": 1, "status": "pending"}, status_code=201)

    async def voted(request):
        await request.body()
        return JSONResponse({"id": 1, "votes": 1, "voted": True})

    async def answered(request):
        await request.body()
        return JSONResponse({"poll": request.path_params["pid"], "answer": 0})

    app = Starlette(routes=[
        Route("/j/{token}", constant(web.pages["phone.html"])),
        Route("/web/{name:path}", web_file),
        Route("/api/j/{token}/shared", constant(shared)),
        Route("/api/j/{token}/me", constant(me)),
        Route("/api/j/{token}/questions", created, methods=["POST"]),
        Route("/api/j/{token}/questions/{qid:int}/vote", voted, methods=["POST"]),
        Route("/api/j/{token}/polls/{pid:int}/answer", answered, methods=["POST"]),
    ])
    sock = bind_socket("127.0.0.1", 0)
    # The same settings as facilitator.audience.runner.PhoneServer.
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            timeout_graceful_shutdown=2, server_header=False, **http_stack())
    server = uvicorn.Server(config)

    def quit_now() -> None:
        server.should_exit = True

    threading.Thread(target=serve_commands, args=(None, quit_now), daemon=True).start()
    print(f"READY {sock.getsockname()[1]}", flush=True)
    server.run(sockets=[sock])


if __name__ == "__main__":
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # one socket per phone
    if sys.argv[1] == "app":
        run_app(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "polls":
        run_app(sys.argv[2], int(sys.argv[3]), front="Polls")
    elif sys.argv[1] == "server":
        run_server(sys.argv[2])
    else:
        run_bare(int(sys.argv[2]) if len(sys.argv) > 2 else 100)
