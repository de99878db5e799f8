"""A 20,000-row topic model builds and is fully walked without crashing.

Guards against PySide6-Essentials 6.12.0 on Python 3.11, where each Qt call returning nothing
drops None's reference count until the interpreter aborts with "none_dealloc".
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QTreeView
from pytestqt.qtbot import QtBot

from fieldguide.ui.topic_model import SLUG_ROLE, Node, TopicTreeModel


def test_twenty_thousand_rows(qtbot: QtBot) -> None:
    root = Node("", "root", "topic")
    for t in range(200):
        topic = root.add(Node(f"t{t}", f"Topic {t}", "topic"))
        for a in range(100):
            topic.add(Node(f"t{t}/a{a}", f"Article {a}", "article"))
    model = TopicTreeModel(root)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.expandAll()
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    rows = 0
    for t in range(model.rowCount()):
        parent = model.index(t, 0)
        for a in range(model.rowCount(parent)):
            index = model.index(a, 0, parent)
            view.setCurrentIndex(index)  # a Qt call that returns nothing, 20,000 times
            browser.setHtml(f"<p>{index.data(SLUG_ROLE)}</p>")
            rows += 1
    assert rows == 20_000
    assert model.index_of("t199/a99").data(SLUG_ROLE) == "t199/a99"
