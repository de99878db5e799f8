"""Printable handouts: large type, title, date printed, sources, reviewed date, pictures; PDF."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from fieldguide.config import Config
from fieldguide.helpinfo import LocalHelpService
from fieldguide.library.loader import load_library
from fieldguide.ui import MainWindow
from fieldguide.ui.handout_printer import HandoutPrinter
from fieldguide.ui.printing import file_name_for, lay_out_for, new_printer
from tests.ui.reading_fixtures import LONG, make_window, write_reading_library

PRINTED_ON = dt.date(2026, 12, 3)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = make_window(qtbot, tmp_path)
    win.handout.today = lambda: PRINTED_ON
    win.open(LONG)
    return win


def _font_sizes(document: QTextDocument) -> set[float]:
    """The point size of every run of text in the document."""
    sizes: set[float] = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.text().strip():
                sizes.add(fragment.charFormat().font().pointSizeF())
            it += 1
        block = block.next()
    return sizes


def _pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def test_handout_has_title_date_sources_reviewed_and_large_type(window: MainWindow) -> None:
    document = window.handout.handout()
    assert document is not None
    text = document.toPlainText()
    assert "Coping at home" in text
    assert "Printed on 3 December 2026" in text
    assert "From Test guide" in text
    assert "Last reviewed: 1 October 2026." in text
    assert "Opioid withdrawal. MedlinePlus, 2024. https://medlineplus.gov/" in text
    assert document.defaultFont().pointSizeF() >= 14
    assert min(_font_sizes(document)) >= 14
    assert document.metaInformation(QTextDocument.MetaInformation.DocumentTitle) == "Coping at home"


def test_handout_keeps_the_picture(window: MainWindow) -> None:
    document = window.handout.handout()
    assert document is not None
    cursor = QTextCursor(document)
    images = []
    while not cursor.atEnd():
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        fmt = cursor.charFormat()
        if fmt.isImageFormat():
            images.append(fmt.toImageFormat().name())
    assert len(images) == 1 and images[0].endswith("images/rest.png")
    resource = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(images[0]))
    assert resource is not None and not resource.isNull()


def test_save_as_pdf_writes_the_handout(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "out" / "coping"
    target.parent.mkdir()
    asked: list[str] = []

    def ask(parent: QWidget, suggested: str) -> str:
        asked.append(suggested)
        return str(target)

    window.handout.ask_pdf_path = ask
    with qtbot.waitSignal(window.handout.pdf_saved) as saved:
        window.handout.pdf_action.trigger()
    pdf = Path(saved.args[0])
    assert pdf == target.with_suffix(".pdf")  # ".pdf" is added when missing
    assert asked and asked[0].endswith("Coping at home.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    document = window.handout.handout()
    assert document is not None
    lay_out_for(document, new_printer("Coping at home"))
    assert document.pageCount() >= 2  # a long article
    assert _pdf_pages(pdf) == document.pageCount()
    assert "Saved the handout" in window.statusBar().currentMessage()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_text_reads_as_the_handout(window: MainWindow, tmp_path: Path) -> None:
    pdf = Path(window.handout.save_pdf(str(tmp_path / "h.pdf")))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("Coping at home", "Printed on 3 December 2026", "Last reviewed", "Page 1 of"):
        assert words in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Title:\s+Coping at home", info)


def test_cancelled_save_writes_nothing(window: MainWindow, tmp_path: Path) -> None:
    window.handout.ask_pdf_path = lambda parent, suggested: ""
    assert window.handout.save_pdf() == ""
    assert not list(tmp_path.glob("**/*.pdf"))


def test_unwritable_place_gets_a_plain_message(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.handout.message) as message:
        path = window.handout.save_pdf("/no/such/folder/handout.pdf")
    assert path == ""
    assert "Could not save or print the handout" in message.args[0]


class FakePrintDialog(QDialog):
    """Stands in for QPrintDialog: 'the reader chose a printer' = a PDF file, then OK."""

    target = ""
    opened = Signal()

    def __init__(self, printer: QPrinter, parent: QWidget) -> None:
        super().__init__(parent)
        self.printer = printer

    def open(self) -> None:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(self.target)
        super().open()
        self.opened.emit()
        self.accept()


def test_print_asks_for_a_printer_without_blocking_then_prints(
    qtbot: QtBot, tmp_path: Path
) -> None:
    FakePrintDialog.target = str(tmp_path / "printed.pdf")
    service = LocalHelpService(load_library(write_reading_library(tmp_path / "lib")), Config())
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.handout = HandoutPrinter(window, service, print_dialog=FakePrintDialog)
    window.handout.set_page(service.page(LONG))
    with qtbot.waitSignal(window.handout.message) as message:
        window.handout.print_action.trigger()
    assert message.args == [f"Saved the handout as {FakePrintDialog.target}"]
    assert Path(FakePrintDialog.target).read_bytes().startswith(b"%PDF")


def test_message_pages_are_not_printed(window: MainWindow) -> None:
    window.open("no/such/page")
    assert not window.handout.print_action.isEnabled()
    assert not window.handout.pdf_action.isEnabled()
    assert window.handout.handout() is None
    window.open(LONG)
    assert window.handout.print_action.isEnabled()


def test_file_names_are_safe() -> None:
    assert file_name_for("How long: a/b?") == "How long a b.pdf"
    assert file_name_for("...") == "Handout.pdf"
