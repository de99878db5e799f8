"""Printable handouts: the current article on paper or as a PDF, in large type, without the app.

A handout is its own QTextDocument (never the on-screen one, so the theme and zoom do not leak
onto paper): a line saying where and when it was printed, the article with its title and
pictures, then its sources and "last reviewed" date. Body text is 15 pt. Pages are laid out for
the printer itself and numbered "Page 1 of 2" at the foot.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPageLayout, QPainter, QTextDocument
from PySide6.QtWidgets import QWidget

from fieldguide.library.handout import long_date, sources_html
from fieldguide.library.service import LibraryService, Page
from fieldguide.ui.kiosk_policy import OPENS_FILE, PRINTS, tag

if TYPE_CHECKING:  # QtPrintSupport is loaded when the reader first prints, not at start-up
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

log = logging.getLogger(__name__)

BODY_PT = 15  # large type for people who read with difficulty (health-literacy guidance: 14+)
MARGIN_MM = 18
FOOTER_PT = 11  # the page number line only

HANDOUT_CSS = f"""
body, p, li, td, th {{ font-size: {BODY_PT}pt; color: #000000; }}
h1 {{ font-size: 26pt; color: #000000; margin-bottom: 12px; }}
h2 {{ font-size: 19pt; color: #000000; margin-top: 18px; }}
h3, h4 {{ font-size: 16pt; color: #000000; }}
a {{ color: #000000; text-decoration: none; }}
a.external {{ text-decoration: underline; }}
a.broken, span.broken, span.missing-image {{ color: #000000; font-style: italic; }}
p.handout-meta {{ font-size: {BODY_PT}pt; color: #333333; }}
table.box {{ border-style: solid; border-collapse: collapse; margin-top: 10px;
    margin-bottom: 10px; }}
table.danger {{ border-color: #8c1d18; }}
td.danger {{ background-color: #fdecea; }}
table.note {{ border-color: #1f3a5f; }}
td.note {{ background-color: #eef4fb; }}
table.data {{ border-color: #555555; border-collapse: collapse; }}
th {{ background-color: #eeeeee; }}
"""

PdfPathAsker = Callable[[QWidget, str], str]  # (parent, suggested path) -> chosen path or ""
PrintDialogFactory = Callable[["QPrinter", QWidget], "QPrintDialog"]


def build_handout(
    page: Page, footer_html: str, *, guide_title: str, printed_on: dt.date
) -> QTextDocument:
    """The handout for `page` as a document: meta line, the page, then `footer_html`."""
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setPointSize(BODY_PT)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(HANDOUT_CSS)
    meta = f"From {html.escape(guide_title)}. Printed on {long_date(printed_on)}."
    parts = [f'<p class="handout-meta">{meta}</p>', page.html]
    if footer_html:
        parts += ["<hr>", footer_html]
    document.setHtml("".join(parts))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, page.title)
    return document


def lay_out_for(document: QTextDocument, printer: QPrinter) -> QRectF:
    """Lay `document` out in pages that fit `printer`; return the page body in device units."""
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    footer = printer.resolution() * FOOTER_PT * 2.2 / 72
    body = QRectF(0, 0, area.width(), area.height() - footer)
    document.documentLayout().setPaintDevice(printer)
    frame = document.rootFrame().frameFormat()
    frame.setMargin(0)
    document.rootFrame().setFrameFormat(frame)
    document.setPageSize(QSizeF(body.width(), body.height()))
    return body


def paint_pages(document: QTextDocument, printer: QPrinter) -> bool:
    """Print `document` page by page with "Page n of N" at the foot; False if it could not."""
    body = lay_out_for(document, printer)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSize(FOOTER_PT)
        for number in range(pages):
            if number:
                printer.newPage()
            painter.save()
            painter.translate(0, -number * body.height())
            document.drawContents(painter, body.translated(0, number * body.height()))
            painter.restore()
            painter.setFont(footer_font)
            foot = QRectF(0, body.height(), body.width(), printer.height() - body.height())
            painter.drawText(
                foot,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                f"Page {number + 1} of {pages}",
            )
    finally:
        painter.end()
    return True


def new_printer(title: str) -> QPrinter:
    """A high-resolution printer set up for a handout (the platform's paper size)."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setCreator("Field Guide")
    printer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    return printer


def file_name_for(title: str) -> str:
    """A safe, readable file name for a handout: "How long it lasts.pdf"."""
    name = " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).split()).strip(" .")
    name = name or "Handout"
    return f"{name[:80]}.pdf"


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
        self.print_action.setShortcuts(QKeySequence.StandardKey.Print)
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
        article = self.service.library.article(self.page.slug)
        footer = sources_html(article, self.service.library) if article is not None else ""
        return build_handout(
            self.page, footer, guide_title=self.service.library.title, printed_on=self.today()
        )

    def print_handout(self) -> None:
        """Ask which printer (without blocking the window), then print."""
        if self.page is None:
            return
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
            self._print_to(new_printer(self.page.title))
        return True

    def save_pdf(self, path: str = "") -> str:
        """Save the handout as a PDF (asking where when `path` is ""); return the path or ""."""
        if self.page is None:
            return ""
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
