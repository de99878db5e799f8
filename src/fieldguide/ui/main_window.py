"""The main window: topic tree on the left, the article on the right."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from fieldguide.helpinfo import HELP_SLUG
from fieldguide.library.service import LibraryService, Page
from fieldguide.ui.article_view import ArticleView
from fieldguide.ui.banner import NoticeBanner
from fieldguide.ui.bookmark_star import BookmarkStar
from fieldguide.ui.breadcrumb import Breadcrumb
from fieldguide.ui.chrome import build_chrome, dress_more_buttons
from fieldguide.ui.contents_panel import ContentsPanel
from fieldguide.ui.file_dialogs import FileDialogs
from fieldguide.ui.find_actions import FindActions
from fieldguide.ui.focus import show_focus, tab_through_find_bar, tab_through_window
from fieldguide.ui.handout_printer import HandoutPrinter
from fieldguide.ui.help_page import GetHelpNow
from fieldguide.ui.lean import give_keys, once
from fieldguide.ui.navigation import Navigator
from fieldguide.ui.panels import ReaderPanels
from fieldguide.ui.search_panel import SearchPanel
from fieldguide.ui.session import ReaderSession
from fieldguide.ui.tasks import TaskRunner
from fieldguide.ui.themes import ThemeController
from fieldguide.ui.topic_model import SLUG_ROLE, TopicTreeModel, nodes_from_library
from fieldguide.ui.userdata_bridge import UserDataBridge
from fieldguide.ui.zoom import ZoomController
from fieldguide.userdata import Bookmark, UserData

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from fieldguide.ui.bookmarks_panel import BookmarksPanel
    from fieldguide.ui.find_bar import FindBar
    from fieldguide.ui.glossary import GlossaryLinks
    from fieldguide.ui.history_panel import HistoryPanel
    from fieldguide.ui.link_dialog import ExternalLinkDialog
    from fieldguide.ui.search_controller import SearchFn

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Shows a library: pick a topic or follow a link, and the article view follows.

    `user` is the reader's saved data (None: kept in memory only); `files` chooses files for
    bookmark export and import (None: no file access, as in a kiosk).
    """

    page_shown = Signal(str)  # slug of the page now shown ("" for a message page)
    about_to_open = Signal(str, str)  # slug, anchor: a page is asked for; the old one still shows

    def __init__(
        self,
        service: LibraryService,
        search_fn: SearchFn | None = None,
        tasks: TaskRunner | None = None,
        *,
        user: UserDataBridge | None = None,
        files: FileDialogs | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.user = user or UserDataBridge(UserData.in_memory(), service.library.id, self)
        self.files = files
        self.current_slug = ""
        self.current_page: Page | None = None
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

        self.banner = NoticeBanner()
        self.title_line = Breadcrumb()
        self.title_line.topic_chosen.connect(self.open)
        self.view = ArticleView()
        self.view.link_activated.connect(self._on_link)
        self.contents = ContentsPanel()
        self.contents.heading_chosen.connect(self.view.scrollToAnchor)
        self._find_bar: FindBar | None = None  # made when first used (see the find_bar property)
        self.find_keys = FindActions(self, lambda: self.find_bar)
        self.addActions(self.find_keys.actions())
        self._glossary: GlossaryLinks | None = None  # made after the first paint
        self._started = False
        # After the first paint the window finishes its start (app.py turns that off for
        # --exit-after-start, which measures the start up to that paint).
        self.finish_after_paint = True
        once(
            self.view.painted,
            lambda: self.finish_after_paint and QTimer.singleShot(0, self.finish_start),
        )
        self._link_out: ExternalLinkDialog | None = None
        self.handout = HandoutPrinter(self, service)
        self.handout.message.connect(self.statusBar().showMessage)
        self.get_help = GetHelpNow(self, lambda: self.open(HELP_SLUG))
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
        layout.addWidget(self.banner)
        layout.addWidget(self.title_line)
        layout.addWidget(self.contents)
        layout.addWidget(self.view)
        self._column = layout  # the find bar goes under the article when it is made

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.search)  # the search box over the tree
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 740])
        self.setCentralWidget(self.splitter)

        prefs = self.user.preferences
        self.themes = ThemeController(self, self.view.set_document_css, choice=prefs.theme)
        self.zoom = ZoomController(self.view, self.themes.icons, prefs.zoom)
        home = lambda: service.home  # noqa: E731
        self.navigator = Navigator(
            self.view, self.about_to_open, self.open, home, self.themes.icons, self
        )
        self.star = BookmarkStar(self.user, self.themes.icons, self)
        self.panels = ReaderPanels(self, self._make_panels, self.themes.icons)
        # Panels stack rather than share tabs: Qt's tab bars cannot carry a description for
        # screen readers, and two short lists read well one above the other.
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks)
        self.show_topics_action = QAction(self.tr("Topics"), self, checkable=True, checked=True)
        self.show_topics_action.toggled.connect(self.search.setVisible)
        self.toolbar = build_chrome(self)
        self.user.notice.connect(self.banner.show_message)
        self.session = ReaderSession(self)

        self.view.setFocus()  # the keyboard starts in the article
        show_focus(self.view, self.contents, self.toolbar, self.get_help.toolbar)
        self.keep_help_in_sight()
        dress_more_buttons(self)
        self.themes.applied.connect(self.keep_help_in_sight)
        self.themes.applied.connect(self.view.refit)  # a theme may change the frame's width
        self.resize(1000, 700)

    @property
    def glossary(self) -> GlossaryLinks:
        """Shows the meaning of a glossary word under it (made after the first paint)."""
        if self._glossary is None:
            from fieldguide.ui.glossary import GlossaryLinks

            terms = {t.term: t.definition for t in self.service.library.glossary}
            self._glossary = GlossaryLinks(self.view, terms, watch_now=False)
        return self._glossary

    @property
    def find_bar(self) -> FindBar:
        """Find in page, under the article (made, with its module, when first used)."""
        if self._find_bar is None:
            from fieldguide.ui.find_bar import FindBar

            self._find_bar = FindBar(self.view)
            self._column.addWidget(self._find_bar)
            if self._started:
                tab_through_find_bar(self.view, self._find_bar)
        return self._find_bar

    def close_find_bar(self) -> None:
        """Empty and close the find bar, if it was ever made (a kiosk reset)."""
        if self._find_bar is not None:
            self._find_bar.field.clear()
            self._find_bar.close_bar()

    @property
    def link_out(self) -> ExternalLinkDialog:
        """Says where a web, email or phone link leads (made when first needed)."""
        if self._link_out is None:
            from fieldguide.ui.link_dialog import ExternalLinkDialog

            self._link_out = ExternalLinkDialog(self)
        return self._link_out

    @property
    def bookmarks_panel(self) -> BookmarksPanel:
        """The Bookmarks side panel (made on first use: see ui/panels.py)."""
        return self.panels.bookmarks

    @property
    def history_panel(self) -> HistoryPanel:
        """The History side panel (made on first use)."""
        return self.panels.history

    def _make_panels(self) -> tuple[BookmarksPanel, HistoryPanel]:
        from fieldguide.ui.bookmarks_panel import BookmarksPanel
        from fieldguide.ui.history_panel import HistoryPanel

        bookmarks = BookmarksPanel(self.user, self._bookmark_problem, self.files, self)
        history = HistoryPanel(self.user, self)
        for dock in (bookmarks, history):
            dock.open_requested.connect(self.open)
        return bookmarks, history

    @property
    def started(self) -> bool:
        """True once the window finished its start (`finish_start`, right after the first paint):
        the keyboard and everything else the reader can use are ready."""
        return self._started

    def finish_start(self) -> None:
        """Right after the first paint (the window calls it itself): the keyboard and mouse
        behaviour the first paint does not show (ui/lean.py), and what the start left for later,
        so that it is ready when the reader asks for it."""
        if self._started:
            return
        self._started = True
        give_keys(self)  # first: the parts below may show their keys
        self.view.finish_start()
        self.session.finish_start()
        self.get_help.finish_start()
        self.title_line.finish_start()
        self.contents.finish_start()
        self.search.finish_start()
        self.glossary.watch_viewport()
        tab_through_window(self)
        if self._find_bar is not None:
            tab_through_find_bar(self.view, self._find_bar)
        self.panels.build()

    def keep_help_in_sight(self, *_: object) -> None:
        """Get help now is never folded away: on a narrow window the navigation toolbar gives
        up room instead (its last buttons go under its » menu)."""
        self.get_help.keep_in_sight()

    def open(self, slug: str, anchor: str = "") -> None:
        """Show the article or topic `slug` (scrolled to `anchor`, when given)."""
        self.about_to_open.emit(slug, anchor)
        page = self.service.page(slug)
        if page.slug != self.current_slug or page.kind == "message":
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
        self.current_page = page
        self.view.show_html(page.html + page.footer_html)
        self.contents.set_headings(page.headings)
        if self._find_bar is not None:
            self._find_bar.page_changed()
        if self._glossary is not None:
            self._glossary.page_changed()  # a word's meaning goes with its page
        self.handout.set_page(page)
        trail = self.service.topic_trail(page.slug) if page.slug else ()
        self.title_line.set_trail(trail, page.title)
        self.star.show_page(page.slug, page.title)
        index = self.model.index_of(page.slug) if page.slug else QModelIndex()
        if index.isValid():
            parent = index.parent()
            while parent.isValid():  # open the topics above it, so the reader sees where it is
                self.tree.expand(parent)
                parent = parent.parent()
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        else:
            self.tree.clearSelection()
        self.page_shown.emit(page.slug)

    def _bookmark_problem(self, bookmark: Bookmark) -> str:
        if bookmark.library_id != self.service.library.id:
            return self.tr("from another guide")
        if not self.service.exists(bookmark.slug):
            return self.tr("no longer in this guide")
        return ""

    def _on_tree_activated(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE)
        if isinstance(slug, str) and slug != self.current_slug:
            self.open(slug)

    def _on_link(self, url: QUrl) -> None:
        from fieldguide.library.links import ARTICLE_SCHEME, EXTERNAL_SCHEMES, TERM_SCHEME

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
