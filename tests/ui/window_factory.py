"""Builds reader windows for the UI tests, the way app.py does, on a data folder or in memory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from fieldguide.app import build_window
from fieldguide.library.loader import load_library
from fieldguide.library.service import LibraryService
from fieldguide.ui import MainWindow
from fieldguide.ui.file_dialogs import Done
from fieldguide.ui.lean import once
from fieldguide.userdata import UserData

ARTICLE_TWO = (
    "---\ntitle: Getting through it\nsummary: Rest, water, help.\norder: 2\n"
    "reviewed: 2026-11-20\nsources: [medline]\n---\n"
    + "\n\n".join(f"Paragraph {n}. Drink water and rest as much as you can." for n in range(80))
    + "\n\n## Sleep\n\nSleep is hard for a while.\n"
)
EXTRA = {
    "withdrawal/getting-through.md": ARTICLE_TWO,
    "kratom/_topic.yml": "title: Kratom\norder: 20\nsummary: A plant sold as a supplement.\n",
    "kratom/what-is-kratom.md": (
        "---\ntitle: What is kratom?\nsummary: A plant.\norder: 1\nreviewed: 2026-11-20\n"
        "sources: [medline]\n---\nKratom is a plant. See "
        "[getting through it](../withdrawal/getting-through.md).\n"
    ),
}


class FakeFiles:
    """File dialogs that answer at once with the next path given (or with nothing)."""

    def __init__(self) -> None:
        self.answers: list[Path | None] = []
        self.asked: list[str] = []

    def _answer(self, title: str, done: Done) -> None:
        self.asked.append(title)
        path = self.answers.pop(0) if self.answers else None
        if path is not None:
            done(path)

    def choose_file_to_open(self, parent: object, title: str, name_filter: str, done: Done) -> None:
        self._answer(title, done)

    def choose_file_to_save(
        self, parent: object, title: str, suggested_name: str, name_filter: str, done: Done
    ) -> None:
        self._answer(title, done)


def library(tmp_path: Path, extra: dict[str, str] | None = None) -> LibraryService:
    from tests.library_factory import write_library

    root = tmp_path / "lib"
    if not root.exists():
        write_library(root, {**EXTRA, **(extra or {})})
    return LibraryService(load_library(root))


@contextmanager
def reader(
    qtbot: QtBot,
    service: LibraryService,
    db: Path | None = None,
    files: FakeFiles | None = None,
    size: tuple[int, int] = (1000, 700),
    notice: str = "",
    prepare: Callable[[UserData], None] | None = None,
    on_paint: Callable[[MainWindow], None] | None = None,
) -> Iterator[MainWindow]:
    """A shown window on `service` with its data in `db` (None: memory), its start finished.
    `on_paint(window)` is called at its first paint. On leaving the block the window is closed
    and the data written, as when the reader quits."""
    store = UserData.open(db)
    if prepare is not None:
        prepare(store)
    window = build_window(service, store, files, notice)
    if on_paint is not None:
        once(window.view.painted, lambda: on_paint(window))
    qtbot.addWidget(window)
    if not store.session.geometry:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.started)  # the keys are ready after the first paint
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        yield window
    finally:
        window.close()
        window.user.close()
