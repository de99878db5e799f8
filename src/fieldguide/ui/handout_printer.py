"""Print and Save as PDF for the page on show: the window's two actions, and what they do.

The window makes this before the first paint; the handout itself (ui/printing.py, with Qt's
print support) is imported when the reader first prints or saves, not at start-up.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from fieldguide.library.service import LibraryService, Page
from fieldguide.ui.kiosk_policy import OPENS_FILE, PRINTS, tag
from fieldguide.ui.lean import keys_after_paint

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

log = logging.getLogger(__name__)

PdfPathAsker = Callable[[QWidget, str], str]  # (parent, suggested path) -> chosen path or ""
PrintDialogFactory = Callable[["QPrinter", QWidget], "QPrintDialog"]


def ask_pdf_path_with_dialog(parent: QWidget, suggested: str) -> str:
    """Ask where to save the PDF with the platform's Save dialog ("" if cancelled)."""
    from PySide6.QtWidgets import QFileDialog  # its types cost start-up time; made when needed

    path, _filter = QFileDialog.getSaveFileName(
        parent, parent.tr("Save the handout as PDF"), suggested, parent.tr("PDF files (*.pdf)")
    )
    return path


class HandoutPrinter(QObject):
    """Print and Save as PDF for the page on show. `message(str)` reports the outcome in words."""

    message = Signal(str)
    pdf_saved = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        service: LibraryService,
        *,
        ask_pdf_path: PdfPathAsker = ask_pdf_path_with_dialog,
        print_dialog: PrintDialogFactory | None = None,  # None: the platform's print dialog
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.service = service
        self.ask_pdf_path = ask_pdf_path
        self.print_dialog = print_dialog
        self.today = today
        self.page: Page | None = None
        self._dialog: QPrintDialog | None = None

        self.print_action = QAction(self.tr("&Print handout…"), parent)
        keys_after_paint(self.print_action, standard="Print")
        self.print_action.setToolTip(self.tr("Print this page in large type, to take home"))
        self.print_action.triggered.connect(lambda _checked=False: self.print_handout())
        self.pdf_action = QAction(self.tr("Save as P&DF…"), parent)
        self.pdf_action.setToolTip(self.tr("Save this page as a PDF file in large type"))
        self.pdf_action.triggered.connect(lambda _checked=False: self.save_pdf())
        tag(self.print_action, PRINTS)  # kiosk mode: printing only as the config allows
        tag(self.pdf_action, OPENS_FILE)
        self.set_page(None)

    def set_page(self, page: Page | None) -> None:
        """The page now on show; message pages are not printed."""
        self.page = page if page is not None and page.kind != "message" else None
        for action in (self.print_action, self.pdf_action):
            action.setEnabled(self.page is not None)

    def handout(self) -> QTextDocument | None:
        """The handout of the page on show (None when there is nothing to print)."""
        if self.page is None:
            return None
        from fieldguide.library.handout import sources_html
        from fieldguide.ui.printing import build_handout

        article = self.service.library.article(self.page.slug)
        footer = sources_html(article, self.service.library) if article is not None else ""
        return build_handout(
            self.page, footer, guide_title=self.service.library.title, printed_on=self.today()
        )

    def print_handout(self) -> None:
        """Ask which printer (without blocking the window), then print."""
        if self.page is None:
            return
        from fieldguide.ui.printing import new_printer

        printer = new_printer(self.page.title)
        if self.print_dialog is None:
            from PySide6.QtPrintSupport import QPrintDialog

            self.print_dialog = QPrintDialog
        dialog = self.print_dialog(printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("Print handout"))
        dialog.accepted.connect(lambda: self._print_chosen(printer))
        self._dialog = dialog
        dialog.open()

    def print_on_default_printer(self) -> bool:
        """Print the handout on the computer's default printer with no dialog (kiosk mode);
        False when the computer has no printer."""
        from PySide6.QtPrintSupport import QPrinterInfo

        if QPrinterInfo.defaultPrinter().isNull():
            return False
        if self.page is not None:
            from fieldguide.ui.printing import new_printer

            self._print_to(new_printer(self.page.title))
        return True

    def save_pdf(self, path: str = "") -> str:
        """Save the handout as a PDF (asking where when `path` is ""); return the path or ""."""
        if self.page is None:
            return ""
        from PySide6.QtCore import QStandardPaths

        from fieldguide.ui.printing import file_name_for, new_printer

        if not path:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            path = self.ask_pdf_path(
                self.parent_widget, str(Path(folder) / file_name_for(self.page.title))
            )
            if not path:
                return ""
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        printer = new_printer(self.page.title)
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        if not self._print_to(printer):
            return ""
        self.message.emit(self.tr("Saved the handout as {}").format(path))
        self.pdf_saved.emit(path)
        return path

    def _print_chosen(self, printer: QPrinter) -> None:
        if not self._print_to(printer):
            return
        if printer.outputFileName():  # the reader chose "print to file"
            self.message.emit(self.tr("Saved the handout as {}").format(printer.outputFileName()))
        else:
            self.message.emit(self.tr("Sent the handout to the printer."))

    def _print_to(self, printer: QPrinter) -> bool:
        document = self.handout()
        if document is None:
            return False
        from fieldguide.ui.printing import paint_pages

        if paint_pages(document, printer):
            log.info(
                "handout of %s printed (%d pages)",
                self.page and self.page.slug,
                document.pageCount(),
            )
            return True
        log.warning("could not print to %s", printer.outputFileName() or printer.printerName())
        self.message.emit(
            self.tr(
                "Could not save or print the handout. If you were saving a PDF, choose "
                "another folder, for example your Documents folder."
            )
        )
        return False
