"""Trim what PyInstaller collected: only the Qt plugins the reader uses, no Qt translations, and
no library that only a dropped plugin or module needed.

Used by `fieldguide.spec`. PyInstaller's PySide6 hooks collect every plugin of a type (all
platforms, all image formats, network information, TLS, GTK themes ...) and then the libraries
those plugins link to (GTK, Cairo, Pango, OpenSSL ...). We keep an allow-list of plugins, then
drop the libraries that nothing kept still needs: a library is dropped when it was reachable
from the collected binaries before the trim and is not reachable after it. Libraries that
nothing links to (Python itself, extension modules, things loaded at run time) are kept.

TOC entries are PyInstaller's `(dest_name, src_name, typecode)` tuples.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Entry = tuple[str, str, str]

# Plugin folder -> plugin names kept (without "lib" prefix and file suffix); None keeps all.
# A folder that is not listed is dropped whole.
PLUGINS: dict[str, frozenset[str] | None] = {
    # offscreen: tests and smoke tests; xcb and wayland: Linux desktops; windows, cocoa: the rest.
    "platforms": frozenset({"qoffscreen", "qminimal", "qxcb", "qwayland", "qwindows", "qcocoa"}),
    # Pictures in articles may be PNG (built into Qt), JPEG, GIF, SVG or WebP.
    "imageformats": frozenset({"qsvg", "qjpeg", "qgif", "qwebp"}),
    "iconengines": frozenset({"qsvgicon"}),
    # Dead keys and input methods (ibus) for typing in the search box.
    "platforminputcontexts": None,
    "xcbglintegrations": None,
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": None,
    "styles": None,  # the native look on Windows and macOS
    "printsupport": None,  # collected only once the reader imports QtPrintSupport
}

# Python packages and modules the reader never uses (the graph finds them through optional
# imports). QtNetwork: the app never opens a connection; PyInstaller's PySide6 hook pulls it in.
EXCLUDES = [
    "tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "pygments",  # Markdown's code highlighting, which we do not enable
    "ssl",
    # Only ProcessPoolExecutor needs it, which the reader never uses; bundled, PyInstaller adds a
    # run-time hook that imports multiprocessing at every start (~40 M instructions, 4% of it).
    "multiprocessing",
    "concurrent.futures.process",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
]
if sys.platform.startswith("linux"):
    # Bundled, the ctypes package is imported by PyInstaller's bootstrap at every start (~16 M
    # instructions, 2% of it). The reader calls one C function through it, prctl() in a kiosk
    # (fieldguide/notrace.py), which goes through ctypes' C part (_ctypes) instead. Elsewhere
    # platformdirs uses ctypes to find the user's folders, so it stays.
    EXCLUDES.append("ctypes")

# Data files dropped: Qt's translations (the reader is in English and carries its own words)
# and every hyphenation dictionary but English (the reading level of `fieldguide check`).
_DROP_DATA = (
    re.compile(r"^PySide6/Qt/translations/"),
    re.compile(r"^pyphen/dictionaries/(?!hyph_en_(US|GB)\.dic$)"),
)

_SUFFIX = re.compile(r"(\.so(\.[0-9]+)*|\.dll|\.dylib)$", re.IGNORECASE)


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def plugin_of(dest: str) -> tuple[str, str] | None:
    """(folder, name) of a Qt plugin's destination path, or None if it is not a Qt plugin."""
    parts = _norm(dest).split("/")
    if "plugins" not in parts[:-1] or "Qt" not in parts:
        return None
    at = parts.index("plugins")
    folder = "/".join(parts[at + 1 : -1])
    name = _SUFFIX.sub("", parts[-1])
    name = name.removeprefix("lib")
    return folder, name


def plugin_wanted(folder: str, name: str) -> bool:
    """True if the plugin `name` of plugin type `folder` belongs in the bundle."""
    top = folder.split("/")[0]
    if top not in PLUGINS:
        return False
    allowed = PLUGINS[top]
    if top == "platforms" and "/" in folder:
        return False  # platforms/darwin: permission plugins for camera, microphone ...
    return allowed is None or name.removesuffix("d") in allowed or name in allowed


def data_wanted(dest: str) -> bool:
    """True if a data file belongs in the bundle."""
    path = _norm(dest)
    return not any(pattern.match(path) for pattern in _DROP_DATA)


@dataclass
class Trimmed:
    """The trimmed TOCs and what was taken out (for the build log)."""

    binaries: list[Entry]
    datas: list[Entry]
    dropped: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    base = _norm(name).rsplit("/", 1)[-1]
    return base.lower() if os.name == "nt" else base


def _reach(
    roots: Iterable[str], deps: Callable[[str], Iterable[str]], by_key: dict[str, str]
) -> set[str]:
    """Destinations reachable from `roots` through link-time dependencies inside the bundle."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        dest = todo.pop()
        if dest in seen:
            continue
        seen.add(dest)
        for name in deps(dest):
            target = by_key.get(_key(name))
            if target is not None and target not in seen:
                todo.append(target)
    return seen


def trim(
    binaries: list[Entry], datas: list[Entry], deps: Callable[[str], Iterable[str]]
) -> Trimmed:
    """Drop unwanted plugins and data, then the libraries only they needed.

    `deps(dest)` gives the names of the libraries the binary at `dest` links to.
    """
    real = [e for e in binaries if e[2] != "SYMLINK"]
    by_key = {_key(dest): dest for dest, _, _ in real}
    dropped_plugins = set()
    for dest, _, _ in real:
        plugin = plugin_of(dest)
        if plugin is not None and not plugin_wanted(*plugin):
            dropped_plugins.add(dest)
    needed_by_someone: set[str] = set()
    for dest, _, _ in real:
        for name in deps(dest):
            target = by_key.get(_key(name))
            if target is not None and target != dest:
                needed_by_someone.add(target)
    roots = [dest for dest, _, _ in real if dest not in needed_by_someone]
    before = _reach(roots, deps, by_key)
    after = _reach((r for r in roots if r not in dropped_plugins), deps, by_key)
    gone = (before - after) | dropped_plugins
    frameworks = tuple(
        _norm(d).split(".framework/")[0] + ".framework/" for d in gone if ".framework/" in _norm(d)
    )

    def kept(entry: Entry) -> bool:
        dest, src, kind = entry
        path = _norm(dest)
        if dest in gone or (frameworks and path.startswith(frameworks)):
            return False
        if kind == "SYMLINK":  # a link to a library we dropped goes with it
            target = _norm(os.path.normpath(os.path.join(os.path.dirname(dest), src)))
            return target not in {_norm(g) for g in gone} and not target.startswith(frameworks)
        return data_wanted(dest)

    return Trimmed(
        binaries=[e for e in binaries if kept(e)],
        datas=[e for e in datas if kept(e)],
        dropped=sorted(gone) + sorted(e[0] for e in datas if not kept(e)),
    )
