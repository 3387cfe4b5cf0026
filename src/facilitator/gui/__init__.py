"""The desktop app: every Qt widget, model and window (the only package that imports Qt)."""

import PySide6.QtCore  # noqa: F401 - loads shiboken6, whose import check is answered next

from facilitator.gui import pyside_feature

# Before any other module is imported with Qt loaded (docs: gui/pyside_feature.py).
pyside_feature.install()
