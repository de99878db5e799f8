"""The topic tree makes a topic's rows when they are first needed, not all 20,000 at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from fieldguide.library.model import Article, Library, Topic
from fieldguide.ui.topic_model import SLUG_ROLE, Node, TopicTreeModel, nodes_from_library


def big_library(topics: int = 50, per_topic: int = 400) -> Library:
    articles = {
        f"t{t}/a{a}": Article(f"t{t}/a{a}", f"Article {a}", "", "", f"t{t}/a{a}.md")
        for t in range(topics)
        for a in range(per_topic)
    }
    children = tuple(
        Topic(f"t{t}", f"Topic {t}", articles=tuple(f"t{t}/a{a}" for a in range(per_topic)))
        for t in range(topics)
    )
    return Library(
        Path("/lib"),
        "big",
        "Big",
        "t0/a0",
        topics=Topic("", "Big", children=children),
        articles=articles,
    )


def made(node: Node) -> int:
    """Rows made so far below `node`."""
    return sum(1 + made(child) for child in node.children)


def test_only_the_rows_on_show_are_made(qtbot: QtBot) -> None:
    root = nodes_from_library(big_library())
    model = TopicTreeModel(root)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == 50
    assert made(root) == 50  # the topics, none of their 20,000 articles
    view.expand(model.index(3, 0))
    assert made(root) == 50 + 400


def test_finding_an_article_makes_only_its_topic(qtbot: QtBot) -> None:
    root = nodes_from_library(big_library())
    model = TopicTreeModel(root)
    index = model.index_of("t42/a399")
    assert index.data(SLUG_ROLE) == "t42/a399"
    assert model.parent(index).data(SLUG_ROLE) == "t42"
    assert made(root) == 50 + 400
    assert not model.index_of("t42/nope").isValid()
    assert not model.index_of("nope/a1").isValid()


def test_an_article_wins_over_a_topic_of_the_same_name() -> None:
    root = Node("", "root", "topic")
    root.add(Node("a", "Article a", "article"))
    topic = root.add(Node("a", "Topic a", "topic"))
    topic.add(Node("a/b", "Article b", "article"))
    model = TopicTreeModel(root)
    assert model.index_of("a").data() == "Article a"
    assert model.index_of("a/b").data() == "Article b"


def test_a_quick_start_tree_reads_no_summary_until_a_tooltip_shows(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from typing import cast

    from fieldguide import cli
    from fieldguide.startup import LazyLibrary, open_library
    from fieldguide.ui.lean import TOOL_TIP_ROLE
    from tests.library_factory import write_library

    root = write_library(tmp_path / "lib", {})
    assert cli.main(["index", "build", str(root)]) == 0
    library, start = open_library(root)
    assert start is not None  # the quick start: the catalog stands in for the library
    articles = cast(LazyLibrary, library).quick.catalog.articles
    model = TopicTreeModel(nodes_from_library(library))
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.expandAll()
    view.show()
    qtbot.waitExposed(view)
    index = model.index_of("withdrawal/how-long")
    assert index.data() == "How long it lasts"
    assert not articles.summaries_read  # the rows on show needed titles only
    assert index.data(TOOL_TIP_ROLE) == articles["withdrawal/how-long"].summary != ""
    assert articles.summaries_read


def test_once_the_library_is_read_a_tooltip_takes_its_summary_from_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from typing import cast

    from fieldguide import cli
    from fieldguide.startup import LazyLibrary, open_library
    from fieldguide.ui.lean import TOOL_TIP_ROLE
    from tests.library_factory import write_library

    root = write_library(tmp_path / "lib", {})
    assert cli.main(["index", "build", str(root)]) == 0
    library, _ = open_library(root)
    lazy = cast(LazyLibrary, library)
    model = TopicTreeModel(nodes_from_library(library))
    index = model.index_of("withdrawal/how-long")  # its row made while the catalog stood in
    lazy.library()  # then the library is read (after the first paint, preload does it)
    assert index.data(TOOL_TIP_ROLE) == lazy.articles["withdrawal/how-long"].summary != ""
    assert not lazy.quick.catalog.articles.summaries_read  # no trip to the index for it
