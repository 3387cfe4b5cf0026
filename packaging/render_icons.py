"""Render the app icon (resources/icons/facilitator.svg) into the freedesktop hicolor theme.

Writes packaging/icons/hicolor/<N>x<N>/apps/<APP_ID>.png for each size, and the SVG itself
as scalable/apps/<APP_ID>.svg. Rendering goes through Qt's own SVG renderer offscreen, so the
PNGs match what the app draws and no other tool is needed. Run it again after editing the SVG:

    .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "facilitator.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def app_id() -> str:
    """APP_ID from the package, read as text so this runs without installing facilitator."""
    for line in (ROOT / "src" / "facilitator" / "__init__.py").read_text().splitlines():
        if line.startswith("APP_ID"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("APP_ID not found in src/facilitator/__init__.py")


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """One square PNG, transparent outside the drawing, as bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main(out: Path = ROOT / "packaging" / "icons" / "hicolor") -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs it)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    name = app_id()
    for size in SIZES:
        target = out / f"{size}x{size}" / "apps" / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        png = render(renderer, size)
        # Leave an identical file alone so a rerun changes nothing in git.
        if not target.exists() or target.read_bytes() != png:
            target.write_bytes(png)
    scalable = out / "scalable" / "apps" / f"{name}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(f"icons written under {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
