"""The main window: topic tree on the left, the article on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from fieldguide.helpinfo import HELP_SLUG
from fieldguide.library.links import ARTICLE_SCHEME, EXTERNAL_SCHEMES, TERM_SCHEME
from fieldguide.library.service import LibraryService, Page
from fieldguide.ui.article_view import ArticleView
from fieldguide.ui.contents_panel import ContentsPanel
from fieldguide.ui.find_bar import FindBar
from fieldguide.ui.focus import chain_tab_order, reachable_by_tab, show_focus
from fieldguide.ui.glossary import GlossaryLinks
from fieldguide.ui.help_page import GetHelpNow
from fieldguide.ui.link_dialog import ExternalLinkDialog
from fieldguide.ui.printing import HandoutPrinter
from fieldguide.ui.search_controller import SearchFn, search_unavailable
from fieldguide.ui.search_panel import SearchPanel
from fieldguide.ui.tasks import TaskRunner
from fieldguide.ui.topic_model import SLUG_ROLE, TopicTreeModel, nodes_from_library

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Shows a library: pick a topic or follow a link, and the article view follows."""

    page_shown = Signal(str)  # slug of the page now shown ("" for a message page)

    def __init__(
        self,
        service: LibraryService,
        search_fn: SearchFn = search_unavailable,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.current_slug = ""
        self.setWindowTitle(self.tr("Field Guide — {}").format(service.library.title))

        self.tree = QTreeView()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Topics"))
        self.tree.setAccessibleDescription(self.tr("Topics and articles of the guide"))
        self.model = TopicTreeModel(nodes_from_library(service.library), self.tree)
        self.tree.setModel(self.model)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_activated)

        self.title_line = QLabel()
        self.title_line.setAccessibleName(self.tr("Where you are"))
        self.title_line.setTextFormat(Qt.TextFormat.PlainText)
        self.title_line.setContentsMargins(8, 4, 8, 4)
        self.view = ArticleView()
        self.view.link_activated.connect(self._on_link)
        self.contents = ContentsPanel()
        self.contents.heading_chosen.connect(self.view.scrollToAnchor)
        self.find_bar = FindBar(self.view)
        self.addActions(self.find_bar.window_actions())
        terms = {t.term: t.definition for t in service.library.glossary}
        self.glossary = GlossaryLinks(self.view, terms, watch_now=False)
        self.view.painted.connect(  # after the first paint, not during it
            lambda: QTimer.singleShot(0, self.glossary.watch_viewport),
            type=Qt.ConnectionType.SingleShotConnection,
        )
        self.link_out = ExternalLinkDialog(self)
        self.handout = HandoutPrinter(self, service)
        self.handout.message.connect(self.statusBar().showMessage)
        self.get_help = GetHelpNow(self, lambda: self.open(HELP_SLUG))
        self._add_page_tools()
        self.search = SearchPanel(
            self.tree,
            self.view,
            search_fn,
            tasks or TaskRunner(self),
            self.open,
            self.get_help.action.trigger,
        )
        self.addActions(self.search.window_actions())

        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title_line)
        layout.addWidget(self.contents)
        layout.addWidget(self.view)
        layout.addWidget(self.find_bar)

        splitter = QSplitter()
        splitter.addWidget(self.search)  # the search box over the tree
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])
        self.setCentralWidget(splitter)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard starts in the article
        show_focus(self.view, self.contents, self.get_help.toolbar)
        bar, panel, find = self.get_help.toolbar, self.contents, self.find_bar
        chain_tab_order(
            [
                *reachable_by_tab(bar),
                *(self.search.box, self.search.instead, self.search.results),
                *(self.tree, panel.toggle, panel.list, self.view),
                *(find.field, find.previous_button, find.next_button, find.close_button),
            ]
        )
        self.resize(1000, 700)

    def _add_page_tools(self) -> None:
        """Print, Save as PDF and (at the far end, in red) Get help now, in one toolbar."""
        tools = self.get_help.toolbar
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        first = tools.actions()[0]
        tools.insertActions(first, [self.handout.print_action, self.handout.pdf_action])
        tools.insertWidget(first, spacer)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(tools)

    def open(self, slug: str, anchor: str = "") -> None:
        """Show the article or topic `slug` (scrolled to `anchor`, when given)."""
        page = self.service.page(slug)
        self._show(page)
        if anchor:
            self.view.scrollToAnchor(anchor)

    def library_reloaded(self) -> None:
        """The library was read again (its prebuilt index was out of date): show it as it is."""
        self.model = TopicTreeModel(nodes_from_library(self.service.library), self.tree)
        self.tree.setModel(self.model)
        slug = self.current_slug
        self.show_page(self.service.page(slug) if slug else self.service.start_page())

    def show_page(self, page: Page) -> None:
        """Show a page the service made (the start page, or a problem explained in plain words)."""
        self._show(page)

    def _show(self, page: Page) -> None:
        self.current_slug = page.slug
        self.view.show_html(page.html)
        self.contents.set_headings(page.headings)
        self.find_bar.page_changed()
        self.handout.set_page(page)
        self.title_line.setText(" › ".join((*page.topic_path, page.title)))
        index = self.model.index_of(page.slug) if page.slug else QModelIndex()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self.page_shown.emit(page.slug)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE)
        if isinstance(slug, str) and slug != self.current_slug:
            self.open(slug)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == ARTICLE_SCHEME:
            self.open(url.path(), url.fragment())
        elif not url.scheme() and url.hasFragment():
            self.view.scrollToAnchor(url.fragment())
        elif url.scheme() == TERM_SCHEME:
            self.glossary.show_for(url)
        elif url.scheme() in EXTERNAL_SCHEMES:
            self.link_out.show_address(url)
        else:
            log.info("link not followed: %s", url.toString())
