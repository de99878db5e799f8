"""The search results list: a model of rows (pages found, or what to try when nothing was) and
a delegate that draws each row's title, topic path and snippet with the matched words marked."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from fieldguide.search.results import SearchHit, SearchResults
from fieldguide.ui.find_bar import MATCH_COLOUR, MATCH_TEXT

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

ROW_ROLE = Qt.ItemDataRole.UserRole + 40  # the ResultRow of a row

RowKind = Literal["hit", "suggestion", "topic", "help"]
Index = QModelIndex | QPersistentModelIndex

_MARK = re.compile(r"(</?b>)")
MARK_START = (
    f'<span style="background-color:{MATCH_COLOUR.name()}; color:{MATCH_TEXT.name()};'
    ' font-weight:600;">'
)
MARK_END = "</span>"
PADDING = 6  # pixels around a row's text
HELP_RED = QColor("#a4161a")  # the Get help now button's colour


def safe_snippet_html(snippet: str) -> str:
    """The snippet as rich text: only its <b>…</b> marks become markup (a highlighter span);
    everything else is escaped again, whatever the text holds."""
    parts: list[str] = []
    inside = False
    for part in _MARK.split(snippet):
        if part == "<b>" and not inside:
            parts.append(MARK_START)
            inside = True
        elif part == "</b>" and inside:
            parts.append(MARK_END)
            inside = False
        elif part not in ("<b>", "</b>"):
            parts.append(html.escape(html.unescape(part), quote=False))
    if inside:
        parts.append(MARK_END)
    return "".join(parts)


def snippet_text(snippet: str) -> str:
    """The snippet as plain text (for screen readers)."""
    return html.unescape(_MARK.sub("", snippet))


@dataclass(frozen=True)
class ResultRow:
    """One row of the list: a page found, a word to try, a topic to open, or Get help now."""

    kind: RowKind
    title: str  # plain text
    detail: str  # plain text: the topic path, or what choosing the row does
    snippet_html: str = ""  # safe rich text (see safe_snippet_html)
    target: str = ""  # the word to search for, or the slug to open
    hit: SearchHit | None = None

    @property
    def spoken(self) -> str:
        """What a screen reader says for the row."""
        snippet = snippet_text(self.hit.snippet) if self.hit else ""
        return ". ".join(p for p in (self.title, self.detail, snippet) if p)


class SearchResultsModel(QAbstractListModel):
    """The rows for one SearchResults; `set_results` replaces them all."""

    def __init__(self, parent: QObject | None = None, help_slug: str = "") -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self.help_slug = help_slug  # a topic that holds only this page is the help row's twin

    def set_results(self, results: SearchResults) -> None:
        """Show `results`: the hits; when there are none, the words, topics and help to try."""
        self.beginResetModel()
        self.rows = [self._hit_row(hit) for hit in results.hits]
        if not results.hits:
            self.rows += [
                ResultRow(
                    "suggestion",
                    self.tr("Did you mean “{}”?").format(word),
                    self.tr("Search for this word"),
                    target=word,
                )
                for word in results.suggestions
            ]
            self.rows += [
                ResultRow("topic", topic.title, self.tr("A topic of this guide"), target=topic.slug)
                for topic in results.nearest_topics
                if not (results.offer_help and self._is_help(topic.slug))
            ]
            if results.offer_help or not self.rows:
                self.rows.append(
                    ResultRow(
                        "help",
                        self.tr("Get help now"),
                        self.tr("Danger signs, what to do, and who to call"),
                    )
                )
        self.endResetModel()

    def _is_help(self, slug: str) -> bool:
        help_slug = self.help_slug
        return bool(help_slug) and (slug == help_slug or help_slug.startswith(slug + "/"))

    def clear(self) -> None:
        """No rows."""
        self.beginResetModel()
        self.rows = []
        self.endResetModel()

    def first_hit(self) -> int:
        """The row of the first page found, or -1."""
        return next((i for i, row in enumerate(self.rows) if row.kind == "hit"), -1)

    def _hit_row(self, hit: SearchHit) -> ResultRow:
        path = " › ".join(hit.topic_path)
        return ResultRow("hit", hit.title, path, safe_snippet_html(hit.snippet), hit.slug, hit)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.spoken
        return None


# A button that looks like a link: it sits in a sentence ("Showing results for kratom —").
INSTEAD_STYLE = """
QPushButton#searchInstead {
    color: palette(link); text-decoration: underline; text-align: left;
    border: 2px solid transparent; border-radius: 4px; padding: 0 4px; margin: 0 2px 4px 2px;
}
QPushButton#searchInstead:focus { border: 2px solid palette(highlight); }
"""


class ResultsView:
    """What the panel shows of a search: a status line, "search instead", and the list."""

    def __init__(self, panel: QObject, help_slug: str) -> None:
        from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QPushButton

        from fieldguide.ui.search_keys import ResultsList

        tr = panel.tr
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setContentsMargins(6, 4, 6, 4)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.status.setAccessibleName(tr("About these results"))
        self.status.hide()
        self.instead = QPushButton()  # "search instead for kratum", under "Showing results for"
        self.instead.setObjectName("searchInstead")
        self.instead.setFlat(True)
        self.instead.setCursor(Qt.CursorShape.PointingHandCursor)
        self.instead.setStyleSheet(INSTEAD_STYLE)
        self.instead.setAccessibleName(tr("Search instead for what you typed"))
        self.instead.setAccessibleDescription(
            tr("Search for exactly the words you typed, without spelling help")
        )
        self.instead.hide()

        self.model = SearchResultsModel(panel, help_slug)
        self.list = ResultsList()
        self.list.setModel(self.model)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows wrap to the list's width: keep that width steady (no scroll bar coming and going).
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(tr("Search results"))
        self.list.setAccessibleDescription(
            tr("Pages that match your words. Enter opens one, Esc goes back to reading.")
        )
