"""A read-only tree model of topics and articles, built from plain nodes (scales to 20,000 rows).

A topic's rows are made the first time the view asks for them (`Node.fill`), so opening a
library of 20,000 articles makes the few dozen rows on show, not 20,000.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

from fieldguide.library.model import Library, Topic
from fieldguide.ui.lean import DISPLAY_ROLE, TOOL_TIP_ROLE, USER_ROLE

SLUG_ROLE = USER_ROLE + 1
KIND_ROLE = USER_ROLE + 2

Index = QModelIndex | QPersistentModelIndex


class Node:
    """One row of the tree: a topic or an article. (A plain class: thousands are made for a big
    library, and a dataclass costs ~4 M instructions to define at start-up.)"""

    __slots__ = ("_summary", "children", "fill", "kind", "parent", "row", "slug", "title")

    def __init__(
        self, slug: str, title: str, kind: str, summary: str | Callable[[], str] = ""
    ) -> None:
        self.slug = slug
        self.title = title
        self.kind = kind  # "topic" or "article"
        self._summary = summary  # or what tells it, asked when the tooltip first shows
        self.parent: Node | None = None
        self.children: list[Node] = []
        self.row = 0
        self.fill: Callable[[Node], None] | None = None  # adds the children on first use

    def __repr__(self) -> str:
        return f"Node({self.slug!r}, {self.title!r}, {self.kind!r})"

    @property
    def summary(self) -> str:
        """The row's tooltip text."""
        if callable(self._summary):
            self._summary = self._summary()
        return self._summary

    def add(self, child: Node) -> Node:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    def kids(self) -> list[Node]:
        """The children, made now if they are not yet."""
        if self.fill is not None:
            fill, self.fill = self.fill, None
            fill(self)
        return self.children

    def may_have_kids(self) -> bool:
        """True if the node has children or will make some (without making them)."""
        return self.fill is not None or bool(self.children)


def nodes_from_library(library: Library) -> Node:
    """The invisible root node of a library's topic tree (articles first, then sub-topics)."""

    def filler(topic: Topic) -> Callable[[Node], None]:
        def fill(target: Node) -> None:
            articles = library.articles
            # The catalog of a quick start tells titles without reading summaries (its title();
            # search/catalog.py); a summary is asked for when its tooltip first shows, of the
            # library as it is then (read by then, it has them all: no trip to the index).
            title_of = getattr(articles, "title", None) or (lambda slug: articles[slug].title)
            for slug in topic.articles:
                summary = lambda slug=slug: library.articles[slug].summary  # noqa: E731
                target.add(Node(slug, title_of(slug), "article", summary))
            for child in topic.children:
                node = Node(child.slug, child.title, "topic", child.summary)
                node.fill = filler(child)
                target.add(node)

        return fill

    root = Node("", library.title, "topic")
    root.fill = filler(library.topics)
    return root


class TopicTreeModel(QAbstractItemModel):
    """Exposes a Node tree to a QTreeView; no QStandardItem per row, so it builds fast."""

    def __init__(self, root: Node, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._root = root
        self._by_slug: dict[str, Node] = {}

    def _find(self, slug: str) -> Node | None:
        """The node for `slug`, making only the rows of the topics above it.

        Slugs are folder paths, so the topics above "a/b/c" are "a" and "a/b". Where an article
        and a topic share a slug the article wins, as articles come first among the rows."""
        found = self._by_slug.get(slug)
        if found is not None or not slug:
            return found
        parts = slug.split("/")
        node: Node | None = self._root
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            last = depth == len(parts)
            assert node is not None
            node = next(
                (
                    child
                    for child in node.kids()
                    if child.slug == prefix and (last or child.kind == "topic")
                ),
                None,
            )
            if node is None:
                return None
        assert node is not None
        self._by_slug[slug] = node
        return node

    def _node(self, index: Index) -> Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, Node)
            return node
        return self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        kids = node.kids()
        if column != 0 or not 0 <= row < len(kids):
            return QModelIndex()
        return self.createIndex(row, 0, kids[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).kids())

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return False
        return self._node(parent).may_have_kids()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == DISPLAY_ROLE:
            return node.title
        if role == TOOL_TIP_ROLE:
            return node.summary or None
        if role == SLUG_ROLE:
            return node.slug
        if role == KIND_ROLE:
            return node.kind
        return None

    def index_of(self, slug: str) -> QModelIndex:
        """The index of the row for `slug`, or an invalid index."""
        node = self._find(slug)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)
