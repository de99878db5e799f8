"""The search box over the topic tree; while searching, the results take the tree's place.

Ctrl+K or Ctrl+L (or just typing while reading) puts the keyboard in the box. Results follow
the typing (the search runs off the UI thread, see search_controller.py). Down goes into the
list, Enter opens, Esc clears the search and gives the article the keyboard back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from fieldguide.helpinfo import HELP_SLUG
from fieldguide.ui.lean import keys_after_paint
from fieldguide.ui.search_keys import SearchField, starts_search
from fieldguide.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QObject
    from PySide6.QtWidgets import QLabel, QPushButton, QStyledItemDelegate, QTextEdit

    from fieldguide.search.results import SearchResults
    from fieldguide.ui.search_controller import Asked, SearchController, SearchFn
    from fieldguide.ui.search_keys import ResultsList
    from fieldguide.ui.search_results import ResultsView, SearchResultsModel

log = logging.getLogger(__name__)

SEARCH_KEYS = ("Ctrl+K", "Ctrl+L")


class SearchPanel(QWidget):
    """The box, one status line and the results, over (and in place of) the topic tree.

    The box is there for the first paint; the results list, its status line and the search
    controller are made with the first search, or right after the first paint
    (`finish_start`), whichever comes first. `search_fn` None: a window without a search.
    """

    def __init__(
        self,
        tree: QWidget,
        view: QTextEdit,
        search_fn: SearchFn | None,
        tasks: TaskRunner,
        open_page: Callable[[str], None],
        open_help: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tree, self.view = tree, view
        self.open_page, self.open_help = open_page, open_help
        self._search_fn = search_fn
        self._tasks = tasks
        self._controller: SearchController | None = None
        self._parts: ResultsView | None = None
        self._open_first_on_results = False

        self.box = SearchField()
        self.box.setPlaceholderText(self.tr("Search the guide"))
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumHeight(34)
        self.box.setAccessibleName(self.tr("Search the guide"))
        self.box.setAccessibleDescription(
            self.tr("Type words to find pages. Down goes to the results, Enter opens the first.")
        )
        self._delegate: QStyledItemDelegate | None = None  # ensure_delegate()
        self.stack = QStackedWidget()
        self.stack.addWidget(tree)

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.box)
        layout.addWidget(self.stack, 1)

        self.focus_action = QAction(self.tr("Search the guide"), self)
        keys_after_paint(self.focus_action, *SEARCH_KEYS)
        self.focus_action.setToolTip(self.tr("Search the guide ({})").format(SEARCH_KEYS[0]))
        self.focus_action.triggered.connect(self.focus_box)

        self.box.textChanged.connect(self._on_text_changed)
        self.box.returnPressed.connect(self._on_return)
        self.box.down_pressed.connect(self._into_results)
        self.box.escape_pressed.connect(self.leave)

    # -- parts made after the first paint ------------------------------------------------------

    def finish_start(self) -> None:
        """After the first paint: typing a letter while reading starts a search, and the
        results list is made, so that the first search shows at once."""
        for widget in (self.tree, self.view):
            widget.installEventFilter(self)
        self._results_parts()

    @property
    def controller(self) -> SearchController:
        """Runs the searches (made when first needed)."""
        if self._controller is None:
            from fieldguide.ui.search_controller import SearchController, search_unavailable

            self._controller = controller = SearchController(
                self._search_fn or search_unavailable, self._tasks, self
            )
            controller.results_ready.connect(self._show_results)
            controller.failed.connect(self._show_failure)
            controller.preparing.connect(self._show_preparing)
            controller.cleared.connect(self._show_tree)
        return self._controller

    def _results_parts(self) -> ResultsView:
        if self._parts is None:
            from PySide6.QtCore import Qt

            from fieldguide.ui.search_results import ResultsView

            self._parts = parts = ResultsView(self, HELP_SLUG)
            self._layout.insertWidget(1, parts.status)
            self._layout.insertWidget(2, parts.instead, 0, Qt.AlignmentFlag.AlignLeft)
            self.stack.addWidget(parts.list)
            parts.instead.clicked.connect(self._search_instead)
            parts.list.activated.connect(self._activate)
            parts.list.clicked.connect(self._activate)
            parts.list.escape_pressed.connect(self.leave)
            parts.list.up_from_top.connect(self.focus_box)
        return self._parts

    @property
    def status(self) -> QLabel:
        """The line about the results ("Showing results for …", "Preparing search…")."""
        return self._results_parts().status

    @property
    def instead(self) -> QPushButton:
        """ "search instead for" what was typed, when the search corrected a spelling."""
        return self._results_parts().instead

    @property
    def model(self) -> SearchResultsModel:
        """The rows of the results list."""
        return self._results_parts().model

    @property
    def results(self) -> ResultsList:
        """The results list, in the topic tree's place while searching."""
        return self._results_parts().list

    # -- intents -------------------------------------------------------------------------------

    def ensure_delegate(self) -> None:
        """Draw the rows with the rich-text delegate (made with the first results, not at start)."""
        from fieldguide.ui.result_delegate import ResultDelegate

        if self._delegate is None:
            self._delegate = ResultDelegate(self.results)
            self.results.setItemDelegate(self._delegate)

    def window_actions(self) -> list[QAction]:
        """Ctrl+K / Ctrl+L: add to the window so the keys work anywhere in it."""
        return [self.focus_action]

    def prepare(self, op: Callable[[], object]) -> None:
        """Find or build the index with `op`, off the UI thread; searches wait for it."""
        self.controller.prepare(op)

    def focus_box(self) -> None:
        """Put the keyboard in the search box, its text selected."""
        from PySide6.QtCore import Qt

        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def clear(self) -> None:
        """Empty the box and show the topics again (a kiosk reset calls this too)."""
        self.box.clear()
        if self._controller is not None:
            self._controller.clear()

    def reset(self) -> None:
        """Forget the search (the kiosk's session reset): as at start."""
        self.clear()

    def leave(self) -> None:
        """Esc: clear the search and go back to reading."""
        from PySide6.QtCore import Qt

        self.clear()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Typing a letter while reading (article or topics) starts a search with it."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and starts_search(event)
        ):
            from PySide6.QtCore import Qt

            self.box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.box.selectAll()
            self.box.insert(event.text())
            return True
        return super().eventFilter(watched, event)

    # -- reactions -----------------------------------------------------------------------------

    def _on_text_changed(self, text: str) -> None:
        self._open_first_on_results = False
        if text.strip() or self._controller is not None:  # an empty box before any search: none
            self.controller.text_typed(text)

    def _on_return(self) -> None:
        text = self.box.text()
        if not text.strip():
            return
        shown = self.controller.shown
        if (
            shown is not None
            and shown.text == text
            and not shown.typing
            and self.controller.settled
        ):
            self._open_first()
            return
        self._open_first_on_results = True
        self.controller.search_now(text, exact=shown is not None and shown.exact)

    def _open_first(self) -> None:
        row = self.model.first_hit()
        if row >= 0:
            self._activate(self.model.index(row))
        else:
            self._into_results()

    def _into_results(self) -> None:
        if self._parts is None or self.stack.currentWidget() is not self.results:
            return  # no results on show (none made yet, or the topics are back)
        if not self.model.rows:
            return
        from PySide6.QtCore import Qt

        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0))

    def _activate(self, index: QModelIndex) -> None:
        from PySide6.QtCore import Qt

        from fieldguide.ui.find_bar import highlight_words
        from fieldguide.ui.search_results import ROW_ROLE, ResultRow

        row = index.data(ROW_ROLE)
        if not isinstance(row, ResultRow):
            return
        if row.kind == "suggestion":
            self.box.setText(row.target)
            self.controller.search_now(row.target)
            self.box.setFocus(Qt.FocusReason.OtherFocusReason)
        elif row.kind == "help":
            self.open_help()
        else:
            self.open_page(row.target)
            if row.hit is not None:
                highlight_words(self.view, row.hit.matched, row.hit.first_match)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search_instead(self) -> None:
        from PySide6.QtCore import Qt

        self.controller.search_now(self.box.text(), exact=True)
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_results(self, results: SearchResults, asked: Asked) -> None:
        self.ensure_delegate()
        had_focus = self.results.hasFocus()
        self.model.set_results(results)
        self.stack.setCurrentWidget(self.results)
        self._set_status(self._status_html(results))
        if results.corrected:
            label = self.tr("search instead for {}").format(results.query.strip())
            self.instead.setText(label)
            self.instead.setAccessibleName(label)
        self.instead.setVisible(bool(results.corrected))
        if had_focus and self.model.rows:
            self.results.setCurrentIndex(self.model.index(0))
        if self._open_first_on_results:
            self._open_first_on_results = False
            self._open_first()
        log.debug("showing %d rows for %r", len(self.model.rows), asked.text)

    def _status_html(self, results: SearchResults) -> str:
        import html

        said = html.escape(results.query.strip())
        if results.corrected:
            return self.tr("Showing results for <b>{}</b> —").format(html.escape(results.corrected))
        if results.is_empty:
            return self.tr("No pages match “{}”. Try one of these:").format(said)
        return ""

    def _show_failure(self, message: str) -> None:
        import html

        self._show_tree()
        self._set_status(
            html.escape(message) + " " + self.tr("You can still browse the topics below.")
        )

    def _show_preparing(self) -> None:
        self._set_status(self.tr("Preparing search…"))

    def _show_tree(self) -> None:
        self._open_first_on_results = False
        if self._parts is None:
            return  # nothing was searched yet
        self.model.clear()
        self.stack.setCurrentWidget(self.tree)
        self.instead.hide()
        self._set_status("")

    def _set_status(self, rich_text: str) -> None:
        self.status.setText(rich_text)
        self.status.setVisible(bool(rich_text))
        self.status.setAccessibleDescription(self.status.text() or self.tr("No search"))
