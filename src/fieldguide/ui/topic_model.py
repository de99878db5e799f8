"""A read-only tree model of topics and articles, built from plain nodes (scales to 20,000 rows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from fieldguide.library.model import Library, Topic

SLUG_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class Node:
    """One row of the tree: a topic or an article."""

    slug: str
    title: str
    kind: str  # "topic" or "article"
    summary: str = ""
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0

    def add(self, child: Node) -> Node:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child


def nodes_from_library(library: Library) -> Node:
    """The invisible root node of a library's topic tree (articles first, then sub-topics)."""

    def fill(target: Node, topic: Topic) -> None:
        for slug in topic.articles:
            article = library.articles[slug]
            target.add(Node(slug, article.title, "article", article.summary))
        for child in topic.children:
            fill(target.add(Node(child.slug, child.title, "topic", child.summary)), child)

    root = Node("", library.title, "topic")
    fill(root, library.topics)
    return root


class TopicTreeModel(QAbstractItemModel):
    """Exposes a Node tree to a QTreeView; no QStandardItem per row, so it builds fast."""

    def __init__(self, root: Node, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._root = root
        self._by_slug: dict[str, Node] = {}
        self._index_slugs(root)

    def _index_slugs(self, node: Node) -> None:
        for child in node.children:
            self._by_slug.setdefault(child.slug, child)
            self._index_slugs(child)

    def _node(self, index: Index) -> Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, Node)
            return node
        return self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

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
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.summary or None
        if role == SLUG_ROLE:
            return node.slug
        if role == KIND_ROLE:
            return node.kind
        return None

    def index_of(self, slug: str) -> QModelIndex:
        """The index of the row for `slug`, or an invalid index."""
        node = self._by_slug.get(slug)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)
