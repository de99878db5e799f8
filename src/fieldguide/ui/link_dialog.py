"""Links out: a web, mail or phone link is never opened; its address is shown with a Copy button.

Field Guide works offline and must never start a browser (a clinic kiosk must not escape to the
web). `ExternalLinkDialog.show_address(url)` is the one entry point; kiosk mode can leave it out
and show nothing. The dialog is non-modal: the reader can keep reading while it is open.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from fieldguide.library.links import EXTERNAL_SCHEMES

if TYPE_CHECKING:
    from PySide6.QtGui import QClipboard
    from PySide6.QtWidgets import (
        QWidget,
    )

log = logging.getLogger(__name__)


def plain_address(url: QUrl) -> tuple[str, str]:
    """(kind, address as a person would write it): "web", "email" or "phone"."""
    scheme = url.scheme().lower()
    if scheme == "mailto":
        return "email", url.path(QUrl.ComponentFormattingOption.FullyDecoded)
    if scheme == "tel":
        return "phone", url.path(QUrl.ComponentFormattingOption.FullyDecoded)
    return "web", url.toString()


class ExternalLinkDialog(QDialog):
    """Shows where a link leads, lets the reader copy it, and explains why it is not opened."""

    def __init__(self, parent: QWidget | None = None, clipboard: QClipboard | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setWindowTitle(self.tr("A link outside this guide"))
        self.setAccessibleName(self.tr("A link outside this guide"))
        self.clipboard = clipboard or QGuiApplication.clipboard()

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.address = QLineEdit()
        self.address.setReadOnly(True)
        self.address.setMinimumHeight(34)
        self.address.setAccessibleName(self.tr("Address"))
        self.address.setAccessibleDescription(self.tr("The address of the link; you can select it"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.copied = QLabel()
        self.copied.setAccessibleName(self.tr("Copy result"))

        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setMinimumSize(96, 40)
        self.copy_button.setAccessibleName(self.tr("Copy the address"))
        self.copy_button.setAccessibleDescription(
            self.tr("Put the address on the clipboard, to paste it somewhere else")
        )
        self.copy_button.clicked.connect(self.copy)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setMinimumSize(96, 40)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAccessibleDescription(self.tr("Close this box and keep reading"))
        self.close_button.clicked.connect(self.close)

        buttons = QHBoxLayout()
        buttons.addWidget(self.copied, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.address)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)

    def show_address(self, url: QUrl) -> bool:
        """Show the address of a web, mail or phone link; False (nothing shown) for other links."""
        if url.scheme().lower() not in EXTERNAL_SCHEMES:
            return False
        kind, address = plain_address(url)
        log.info("link out shown, not opened: %s", url.toString())
        if kind == "phone":
            self.heading.setText(self.tr("This is a phone number:"))
            self.note.setText(
                self.tr("Field Guide cannot make calls. To call, dial it on a phone.")
            )
        elif kind == "email":
            self.heading.setText(self.tr("This is an email address:"))
            self.note.setText(
                self.tr(
                    "Field Guide works offline and does not send email. Copy the address "
                    "to write from your own email."
                )
            )
        else:
            self.heading.setText(self.tr("This link goes to a page on the internet:"))
            self.note.setText(
                self.tr(
                    "Field Guide works offline and does not open web pages. To visit this "
                    "page, copy the address and open it in a web browser on a device that "
                    "is online."
                )
            )
        self.address.setText(address)
        self.address.setCursorPosition(0)
        self.copied.clear()
        self.show()
        self.copy_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def copy(self) -> None:
        """Put the address on the clipboard and say so."""
        self.clipboard.setText(self.address.text())
        self.copied.setText(self.tr("Copied."))
