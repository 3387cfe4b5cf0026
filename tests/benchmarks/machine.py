"""What every benchmark prints with its table: the machine, and docs/benchmarks.md upkeep.

Each benchmark owns one section of docs/benchmarks.md, between ``<!-- bench:NAME -->``
markers; writing a section replaces only that one, so benchmarks can run one at a time.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "benchmarks.md"

INTRO = """# Benchmarks

Measured on one machine by `scripts/bench` (all of them) or `scripts/bench NAME ...`
(`audience`, `startup`, `pdf`, `moderation`). They are not part of `scripts/test`: they take
minutes and their numbers depend on the machine. Each section below is rewritten by its own
benchmark, with the machine it ran on. The targets come from issue 6 (a 2-core laptop).
"""


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def describe_machine() -> str:
    """One line: CPU, cores, RAM, Python, Qt, OS."""
    import psutil

    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {PySide6.__version__} (Qt {qVersion()})"
    except ImportError:  # pragma: no cover - the benchmarks need Qt anyway
        qt = "no Qt"
    ram = psutil.virtual_memory().total / 2**30
    return (f"{cpu_model()}, {os.cpu_count()} cores, {ram:.1f} GiB RAM, "
            f"Python {platform.python_version()}, {qt}, {platform.platform()}")


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (it reads fine in a terminal too)."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
             for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def publish(name: str, title: str, body: str) -> None:
    """Print the section and write it into docs/benchmarks.md (other sections are kept)."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = (f"<!-- bench:{name} -->\n## {title}\n\n"
               f"Machine: {describe_machine()}  \nMeasured: {stamp}\n\n{body.strip()}\n"
               f"<!-- /bench:{name} -->")
    print(section, flush=True)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else INTRO
    pattern = re.compile(rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->",
                         re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
    print(f"\n(written to {DOC.relative_to(ROOT)})", file=sys.stderr)
