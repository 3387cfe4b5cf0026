"""A widget's new text repaints it alone, unless the window must make room for it."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.gui.steady_box import SteadyBox


class LayoutRequests(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _window(qtbot, label: QLabel):
    window = QWidget()
    qtbot.addWidget(window)
    box = SteadyBox(label)
    layout = QVBoxLayout(window)
    layout.addWidget(box)
    layout.addWidget(QLabel("something else"))
    window.show()
    qtbot.waitExposed(window)
    return window, box


def test_a_shorter_text_does_not_lay_the_window_out_again(qtbot, qapp):
    label = QLabel("Paused: press Space to resume.")
    window, box = _window(qtbot, label)
    for _ in range(3):  # the first layout after show, done
        qapp.processEvents()
    requests = LayoutRequests(window)
    label.setText("Speaking for 0:01")
    qapp.processEvents()
    assert requests.count == 0
    assert label.text() == "Speaking for 0:01"
    assert label.geometry() == box.rect()


def test_a_wider_text_makes_room(qtbot, qapp):
    label = QLabel("Go")
    window, box = _window(qtbot, label)
    narrow = box.sizeHint().width()
    label.setText("A status line much wider than the first one was")
    qapp.processEvents()
    qapp.processEvents()
    assert box.sizeHint().width() == label.sizeHint().width() > narrow
    assert box.width() >= label.sizeHint().width()
    assert label.geometry() == box.rect()
