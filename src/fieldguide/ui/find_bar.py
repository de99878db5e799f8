"""Find in page: a bar under the article that highlights every match and steps through them."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)

# Dark text on light marker colours: readable in the light and the dark theme alike.
MATCH_COLOUR = QColor("#ffe58a")
CURRENT_COLOUR = QColor("#ff9d3b")
MATCH_TEXT = QColor("#1b1b1b")
MAX_MATCHES = 2000  # a page never has more; the limit only keeps a one-letter search quick


def _format(background: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(background)
    fmt.setForeground(MATCH_TEXT)
    return fmt


def find_all(
    document: QTextDocument,
    text: str,
    flags: QTextDocument.FindFlag | None = None,
    limit: int = MAX_MATCHES,
) -> list[QTextCursor]:
    """Every place `text` is in `document` (case does not matter), in reading order."""
    matches: list[QTextCursor] = []
    cursor = QTextCursor(document)
    while len(matches) < limit:
        cursor = document.find(text, cursor, flags or QTextDocument.FindFlag(0))
        if cursor.isNull():
            break
        matches.append(QTextCursor(cursor))
    return matches


def show_matches(view: QTextEdit, matches: list[QTextCursor], current: int) -> None:
    """Mark every match in `view`, the `current` one in a stronger colour, and scroll to it."""
    selections = []
    for index, match in enumerate(matches):
        selection = QTextEdit.ExtraSelection()
        selection.cursor = match  # type: ignore[attr-defined]
        colour = CURRENT_COLOUR if index == current else MATCH_COLOUR
        selection.format = _format(colour)  # type: ignore[attr-defined]
        selections.append(selection)
    view.setExtraSelections(selections)
    if 0 <= current < len(matches):
        here = QTextCursor(matches[current])
        here.setPosition(here.selectionStart())
        view.setTextCursor(here)
        view.ensureCursorVisible()


def highlight_words(view: QTextEdit, words: tuple[str, ...], first: str) -> int:
    """Mark every whole-word occurrence of `words` (and of `first`) in `view` and scroll to the
    first `first`, the current match; return the number marked. Search results use this to
    show where an article matched."""
    document = view.document()
    whole = QTextDocument.FindFlag.FindWholeWords
    found: dict[int, QTextCursor] = {}
    for word in dict.fromkeys((first, *words)):
        if word.strip():
            for match in find_all(document, word, whole) or find_all(document, word):
                found.setdefault(match.selectionStart(), match)
    matches = [found[start] for start in sorted(found)]
    # The current match: the first `first`; if the page shows it otherwise, the first word
    # found; when only the title or keywords matched (`first` is ""), none: stay at the top.
    folded = first.casefold()
    current = next((i for i, m in enumerate(matches) if m.selectedText().casefold() == folded), 0)
    show_matches(view, matches, current if first and matches else -1)
    return len(matches)


class FindBar(QWidget):
    """Find in the text of `view`. Typing searches at once; Enter goes to the next match.

    The window's keys that open it are in ui/find_actions.py: the bar is made on their first use.
    """

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[QTextCursor] = []
        self.current = -1

        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find on this page"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumHeight(34)
        self.field.setAccessibleName(self.tr("Find on this page"))
        self.field.setAccessibleDescription(
            self.tr("Type a word to find it in this article. Enter goes to the next one.")
        )
        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self._on_return)

        self.previous_button = self._button(
            self.tr("Previous"), self.tr("Go to the match before this one")
        )
        self.next_button = self._button(self.tr("Next"), self.tr("Go to the next match"))
        self.close_button = self._button(self.tr("Close"), self.tr("Close the find bar"))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Find result"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 2)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.status, 3)
        layout.addWidget(self.close_button)
        for first, second in (
            (self.field, self.previous_button),
            (self.previous_button, self.next_button),
            (self.next_button, self.close_button),
        ):
            QWidget.setTabOrder(first, second)

        close = QAction(self.tr("Close the find bar"), self)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.triggered.connect(self.close_bar)
        self.addAction(close)
        self.hide()

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(34)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        return button

    # -- intents -------------------------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with the cursor in the field, its text selected for a new search."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search(keep_position=True)

    def close_bar(self) -> None:
        """Hide the bar, remove the highlights and give the article the keyboard again."""
        self.hide()
        self._clear()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self) -> None:
        """Go to the next match (after the last one, back to the first)."""
        self._step(1)

    def find_previous(self) -> None:
        """Go to the match before (before the first one, to the last)."""
        self._step(-1)

    def page_changed(self) -> None:
        """A new page is shown: search it for the same words if the bar is open."""
        if self.isVisible():
            self._search(keep_position=False)
        else:
            self._clear()

    # -- work ----------------------------------------------------------------------------------

    def next_from_anywhere(self) -> None:
        """Find next (F3) pressed anywhere: open the bar if it is closed, then step."""
        if not self.isVisible():
            self.open_bar()
        self.find_next()

    def previous_from_anywhere(self) -> None:
        """Find previous pressed anywhere: open the bar if it is closed, then step back."""
        if not self.isVisible():
            self.open_bar()
        self.find_previous()

    def _on_return(self) -> None:
        self.find_next()

    def _on_text_changed(self, _text: str) -> None:
        self._search(keep_position=False)

    def _clear(self) -> None:
        self.matches = []
        self.current = -1
        self.view.setExtraSelections([])
        self.status.clear()

    def _search(self, keep_position: bool) -> None:
        text = self.field.text()
        previous = (
            self.matches[self.current].selectionStart() if keep_position and self.matches else 0
        )
        self._clear()
        if not text.strip():
            return
        self.matches = find_all(self.view.document(), text)
        if not self.matches:
            self.status.setText(
                self.tr(
                    "No match for “{}” on this page. Try fewer letters, or search the whole guide."
                ).format(text)
            )
            log.debug("find: no match for %r", text)
            self._highlight()
            return
        after = [i for i, m in enumerate(self.matches) if m.selectionStart() >= previous]
        self.current = after[0] if after else 0
        self._highlight()

    def _step(self, delta: int) -> None:
        if not self.matches:
            self._search(keep_position=False)
            if not self.matches:
                return
        self.current = (self.current + delta) % len(self.matches)
        self._highlight()

    def _highlight(self) -> None:
        show_matches(self.view, self.matches, self.current)
        if 0 <= self.current < len(self.matches):
            self.status.setText(self.tr("{} of {}").format(self.current + 1, len(self.matches)))
        has = bool(self.matches)
        self.previous_button.setEnabled(has)
        self.next_button.setEnabled(has)
