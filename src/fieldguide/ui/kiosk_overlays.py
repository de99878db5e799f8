"""The kiosk's parts inside the window: the bar with "Leave quickly", and the screens that cover
the reader ("Still reading?", the neutral page; the PIN pad builds on them).

The screens are child widgets of the main window, not windows of their own, so nothing reaches
the operating system and nothing can be moved aside. Each covers the whole window and follows
its size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldguide.ui.kiosk_style import (
    BIG_NUMBER,
    LEAVE_BUTTON,
    OVERLAY_HEADING,
    OVERLAY_PANEL,
    PRIMARY,
    neutral_page_html,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QMouseEvent, QPaintEvent


class KioskBar(QToolBar):
    """A fixed bar at the top: a line for short messages, and "Leave quickly" on the right."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Kiosk"))
        self.setObjectName("kiosk_bar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.leave_button = QPushButton(self.tr("Leave quickly"))
        self.leave_button.setObjectName(LEAVE_BUTTON)
        self.leave_button.setAccessibleName(self.tr("Leave quickly"))
        self.leave_button.setAccessibleDescription(
            self.tr("Clears everything you did here at once and shows a plain screen")
        )
        self.addWidget(self.message)
        self.addWidget(spacer)
        self.addWidget(self.leave_button)


class Overlay(QWidget):
    """Covers its parent window; shows a centred panel over a dimmed (or plain) background."""

    def __init__(self, parent: QWidget, *, opaque: bool = False) -> None:
        super().__init__(parent)
        self._opaque = opaque
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.panel = QFrame(self)
        self.panel.setObjectName(OVERLAY_PANEL)
        self.panel.setFrameShape(QFrame.Shape.NoFrame)
        self.panel.setMaximumWidth(720)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.addStretch(1)
        outer.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.body = QVBoxLayout(self.panel)
        self.body.setContentsMargins(36, 20, 36, 20)
        self.body.setSpacing(14)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._cover()
        return False

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def default_button(self) -> QWidget:
        """The control that gets the keyboard focus when the overlay opens."""
        return self

    def cancel(self) -> None:
        """What Esc does here (the kiosk blocks Esc everywhere else)."""

    def open_overlay(self) -> None:
        """Cover the window and take the keyboard focus."""
        self._cover()
        self.show()
        self.raise_()
        self.activateWindow()
        self.default_button().setFocus(Qt.FocusReason.OtherFocusReason)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._opaque:
            painter.fillRect(self.rect(), self.palette().window())
        else:
            painter.fillRect(self.rect(), QColor(0, 0, 0, 150))


def centred_label(text: str, name: str = "") -> QLabel:
    """A wrapping, centred plain-text label (with an object name for the stylesheet)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


class CountdownOverlay(Overlay):
    """ "Still reading?": the seconds left before the screen clears, and a big button to stay.

    A touch anywhere on it counts as "keep reading" too: someone is there.
    """

    keep_reading = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Still reading?"))
        self.setAccessibleDescription(self.tr("The screen clears soon unless you touch it"))
        self.heading = centred_label(self.tr("Still reading?"), OVERLAY_HEADING)
        self.seconds = centred_label("", BIG_NUMBER)
        self.seconds.setAccessibleName(self.tr("Seconds left"))
        self.text = centred_label("")
        self.button = QPushButton(self.tr("Yes, keep reading"))
        self.button.setObjectName(PRIMARY)
        self.button.setAccessibleName(self.tr("Yes, keep reading"))
        self.button.setAccessibleDescription(self.tr("Keeps this page open"))
        self.button.clicked.connect(self.keep_reading)
        for widget in (self.heading, self.seconds, self.text, self.button):
            self.body.addWidget(widget)

    def show_seconds(self, seconds: int) -> None:
        """Show how many seconds are left."""
        self.seconds.setText(str(seconds))
        self.text.setText(
            self.tr(
                "This screen will clear in {} seconds so that the next person starts fresh."
            ).format(seconds)
        )

    def default_button(self) -> QWidget:
        return self.button

    def cancel(self) -> None:
        self.keep_reading.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.keep_reading.emit()
        event.accept()


class NeutralScreen(Overlay):
    """What "Leave quickly" shows: a plain welcome that says nothing about what was read."""

    start = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, opaque=True)
        self.setAccessibleName(self.tr("Welcome"))
        self.setAccessibleDescription(self.tr("A plain screen; touch Start to begin"))
        self.page = QLabel(
            neutral_page_html(self.tr("Welcome"), self.tr("Touch Start to begin.")), self.panel
        )
        self.page.setTextFormat(Qt.TextFormat.RichText)
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page.setWordWrap(True)
        self.page.setAccessibleName(self.tr("Welcome"))
        self.button = QPushButton(self.tr("Start"))
        self.button.setObjectName(PRIMARY)
        self.button.setAccessibleName(self.tr("Start"))
        self.button.setAccessibleDescription(self.tr("Opens the start page"))
        self.button.clicked.connect(self.start)
        self.body.addWidget(self.page)
        self.body.addWidget(self.button)

    def default_button(self) -> QWidget:
        return self.button
