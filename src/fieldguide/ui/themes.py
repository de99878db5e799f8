"""Light, dark and follow-the-system themes: a palette and stylesheet for the window, and the
article's document stylesheet (render.DEFAULT_CSS for light, DARK_CSS here for dark).

Pictures are never recoloured: the article only changes its text and box colours. Every colour
pair below keeps WCAG AA contrast (4.5:1), which tests/ui/test_themes.py computes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from fieldguide.library.style import DEFAULT_CSS
from fieldguide.ui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QAbstractButton, QWidget

log = logging.getLogger(__name__)

CHOICES = ("system", "light", "dark")


class Colors(NamedTuple):
    """The colours of one theme's window chrome and article page."""

    name: str
    window: str  # toolbars, panels
    window_text: str
    base: str  # the article page, lists, text fields
    alternate_base: str
    text: str
    button: str
    button_text: str
    link: str
    highlight: str
    highlighted_text: str
    placeholder: str
    disabled_text: str
    tooltip_base: str
    tooltip_text: str
    border: str
    banner: str  # the notice banner above the article
    banner_text: str
    icon: str


LIGHT = Colors(
    name="light",
    window="#f1f3f5",
    window_text="#1b1b1b",
    base="#ffffff",
    alternate_base="#f5f7f9",
    text="#1b1b1b",
    button="#e6e9ed",
    button_text="#1b1b1b",
    link="#0b57a4",
    highlight="#0b57a4",
    highlighted_text="#ffffff",
    placeholder="#5c636a",
    disabled_text="#8a9096",
    tooltip_base="#fffbe6",
    tooltip_text="#1b1b1b",
    border="#b8c0c8",
    banner="#fff4d6",
    banner_text="#3d2e00",
    icon="#1f3a5f",
)

DARK = Colors(
    name="dark",
    window="#1e2227",
    window_text="#e8eaed",
    base="#14171a",
    alternate_base="#1b1f23",
    text="#e6e6e6",
    button="#2b3138",
    button_text="#e8eaed",
    link="#8ab4f8",
    highlight="#3d6fb5",
    highlighted_text="#ffffff",
    placeholder="#a3aab1",
    disabled_text="#737a81",
    tooltip_base="#2b3138",
    tooltip_text="#e8eaed",
    border="#454d56",
    banner="#3a3120",
    banner_text="#f5e7c4",
    icon="#c9dcf5",
)

# The dark counterpart of render.DEFAULT_CSS: the same classes, colours for a dark page.
DARK_CSS = """
h1, h2, h3, h4 { color: #a8c7fa; }
a { color: #8ab4f8; }
a.external { color: #8ab4f8; }
a.term { color: #81c995; text-decoration: underline; }
a.broken, span.broken { color: #f28b82; }
span.missing-image, p.render-failed { color: #f28b82; font-style: italic; }
table.box { border-style: solid; border-collapse: collapse; margin-top: 10px; margin-bottom: 10px; }
table.danger { border-color: #f28b82; }
td.danger { background-color: #3a1d1b; color: #f3e6e5; }
table.danger p.box-title { color: #ffb4ab; }
table.note { border-color: #7aa7e0; }
td.note { background-color: #182637; color: #e3eaf3; }
table.note p.box-title { color: #a8c7fa; }
table.data { border-color: #5f6b78; border-collapse: collapse; margin-top: 8px; }
th { background-color: #262b31; }
div.sources { margin-top: 12px; }
ol.sources { margin-top: 4px; }
p.reviewed { color: #b9c1c9; }
"""

THEMES = {"light": (LIGHT, DEFAULT_CSS), "dark": (DARK, DARK_CSS)}


def palette(colors: Colors) -> QPalette:
    """A full QPalette for the window chrome (Fusion style draws from it)."""
    p = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, colors.window),
        (role.WindowText, colors.window_text),
        (role.Base, colors.base),
        (role.AlternateBase, colors.alternate_base),
        (role.Text, colors.text),
        (role.Button, colors.button),
        (role.ButtonText, colors.button_text),
        (role.BrightText, colors.highlighted_text),
        (role.Link, colors.link),
        (role.LinkVisited, colors.link),
        (role.Highlight, colors.highlight),
        (role.HighlightedText, colors.highlighted_text),
        (role.PlaceholderText, colors.placeholder),
        (role.ToolTipBase, colors.tooltip_base),
        (role.ToolTipText, colors.tooltip_text),
        (role.Light, QColor(colors.button).lighter(130).name()),
        (role.Midlight, QColor(colors.button).lighter(115).name()),
        (role.Mid, colors.border),
        (role.Dark, QColor(colors.border).darker(150).name()),
        (role.Shadow, "#000000"),
    ):
        p.setColor(r, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(disabled, r, QColor(colors.disabled_text))
    return p


def chrome_stylesheet(colors: Colors) -> str:
    """The window's stylesheet: a lit toggle button, and the banner (focus: ui/focus.py)."""
    return f"""
QToolBar {{ spacing: 4px; padding: 2px; }}
QToolButton:checked {{ background: {colors.button}; }}
QFrame#noticeBanner {{ background: {colors.banner}; border-bottom: 1px solid {colors.border}; }}
QFrame#noticeBanner QLabel {{ color: {colors.banner_text}; }}
"""


def palette_scheme(p: QPalette) -> str:
    """ "dark" when the palette's windows are darker than their text, else "light"."""
    role = QPalette.ColorRole
    dark = p.color(role.Window).lightness() < p.color(role.WindowText).lightness()
    return "dark" if dark else "light"


class SystemScheme:
    """Tells the operating system's colour scheme: "dark" or "light".

    The first answer, for the first paint, is the lightness of the system's palette (read before
    the theme sets its own), which follows the system's scheme and needs none of Qt's namespace
    enums (ui/lean.py). Later answers, when the system's scheme changes, are Qt's colour scheme,
    or that first answer for a system that does not say."""

    def __init__(self) -> None:
        self._first = ""

    def __call__(self) -> str:
        if not self._first:
            self._first = palette_scheme(QGuiApplication.palette())
            return self._first
        from PySide6.QtCore import Qt

        scheme = QGuiApplication.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Unknown:
            return self._first
        return "dark" if scheme == Qt.ColorScheme.Dark else "light"


class IconBook:
    """Remembers which action shows which icon, so that a theme change can redraw them all."""

    def __init__(self, color: str) -> None:
        self._color = color
        self._actions: list[tuple[QAction, str]] = []
        self._buttons: list[tuple[QAbstractButton, str]] = []

    def attach(self, action: QAction, name: str) -> None:
        """Show icon `name` on `action`, now and after every theme change."""
        self._actions = [(a, n) for a, n in self._actions if a is not action]
        self._actions.append((action, name))
        action.setIcon(icon(name, self._color))

    def attach_button(self, button: QAbstractButton, name: str) -> None:
        """Show icon `name` on a button that has no action (Qt's own » toolbar button)."""
        self._buttons.append((button, name))
        button.setIcon(icon(name, self._color))

    def get(self, name: str) -> QIcon:
        """The icon `name` in the current colour (for widgets that are not actions)."""
        return icon(name, self._color)

    def recolor(self, color: str) -> None:
        self._color = color
        for action, name in self._actions:
            action.setIcon(icon(name, color))
        for button, name in self._buttons:
            button.setIcon(icon(name, color))


class ThemeController(QObject):
    """Applies the reader's theme choice to the application palette, the window and the article.

    `set_document_css` is called with the article stylesheet; `system` tells the system's scheme
    (injectable for tests). Signals: `choice_changed(str)` when the reader picks a theme,
    `applied(str)` with "light" or "dark" each time colours change.
    """

    choice_changed = Signal(str)
    applied = Signal(str)

    def __init__(
        self,
        window: QWidget,
        set_document_css: Callable[[str], None],
        system: Callable[[], str] | None = None,
        choice: str = "system",
    ) -> None:
        super().__init__(window)
        self._window = window
        self._set_document_css = set_document_css
        self.system = system or SystemScheme()  # tells the system's scheme (tests set it)
        self._choice = choice if choice in CHOICES else "system"
        self._resolved = ""
        self._sheet = ""  # the part of the window's style sheet that is ours
        self.icons = IconBook(LIGHT.icon)

        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        labels = {
            "system": (self.tr("Follow the system"), self.tr("Light or dark, as the computer is")),
            "light": (self.tr("Light"), self.tr("Dark text on a light page")),
            "dark": (self.tr("Dark"), self.tr("Light text on a dark page")),
        }
        self.actions: dict[str, QAction] = {}
        for key in CHOICES:
            text, tip = labels[key]
            action = QAction(text, self, checkable=True)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.setData(key)
            action.triggered.connect(lambda _=False, key=key: self.set_choice(key))
            self.group.addAction(action)
            self.actions[key] = action
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_changed)
        self.apply()

    @property
    def choice(self) -> str:
        """What the reader chose: "system", "light" or "dark"."""
        return self._choice

    @property
    def resolved(self) -> str:
        """The theme now shown: "light" or "dark"."""
        return self._resolved

    @property
    def colors(self) -> Colors:
        return THEMES[self._resolved or "light"][0]

    def set_choice(self, choice: str) -> None:
        """Pick "system", "light" or "dark"; anything else is ignored (and logged)."""
        if choice not in CHOICES:
            log.warning("unknown theme %r ignored", choice)
            return
        changed = choice != self._choice
        self._choice = choice
        self.apply()
        if changed:
            self.choice_changed.emit(choice)

    def apply(self) -> None:
        """Show the chosen theme (again): palette, window stylesheet, icons, article."""
        self.actions[self._choice].setChecked(True)
        resolved = self.system() if self._choice == "system" else self._choice
        resolved = resolved if resolved in THEMES else "light"
        if resolved == self._resolved:
            return
        self._resolved = resolved
        colors, css = THEMES[resolved]
        QApplication.setPalette(palette(colors))
        # Keep what others added to the window's sheet (the kiosk's large touch targets).
        others = self._window.styleSheet()
        if self._sheet:
            others = others.replace(self._sheet, "")
        self._sheet = chrome_stylesheet(colors)
        self._window.setStyleSheet(self._sheet + others)
        self.icons.recolor(colors.icon)
        self._set_document_css(css)
        log.info("theme %s (%s chosen)", resolved, self._choice)
        self.applied.emit(resolved)

    def _system_changed(self, *_: object) -> None:
        if self._choice == "system":
            self.apply()
