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
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPainter, QTextDocument

from fieldguide.library.handout import long_date
from fieldguide.library.service import Page

if TYPE_CHECKING:  # QtPrintSupport is loaded when the reader first prints, not at start-up
    from PySide6.QtPrintSupport import QPrinter

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
