"""The bundle trim: plugins by allow-list, no translations, no library only dropped plugins need."""

from __future__ import annotations

import pytest

import bundle_filter
from bundle_filter import Entry, plugin_of, plugin_wanted, trim

P = "PySide6/Qt/plugins"
L = "PySide6/Qt/lib"
WAYLAND_SHELL = ("wayland-shell-integration", "xdg-shell")


@pytest.mark.parametrize(
    ("dest", "expected"),
    [
        (f"{P}/platforms/libqxcb.so", ("platforms", "qxcb")),
        (f"{P}/imageformats/qsvg.dll", ("imageformats", "qsvg")),
        ("PySide6\\Qt\\plugins\\platforms\\qwindows.dll", ("platforms", "qwindows")),
        (f"{P}/platforms/libqcocoa.dylib", ("platforms", "qcocoa")),
        (f"{P}/wayland-shell-integration/libxdg-shell.so", WAYLAND_SHELL),
        (f"{L}/libQt6Core.so.6", None),
        ("libpython3.11.so.1.0", None),
    ],
)
def test_plugin_of(dest: str, expected: tuple[str, str] | None) -> None:
    assert plugin_of(dest) == expected


@pytest.mark.parametrize(
    ("folder", "name", "wanted"),
    [
        ("platforms", "qoffscreen", True),
        ("platforms", "qxcb", True),
        ("platforms", "qwindows", True),
        ("platforms", "qeglfs", False),
        ("platforms", "qvnc", False),
        ("platforms/darwin", "qdarwincamerapermission", False),
        ("imageformats", "qsvg", True),
        ("imageformats", "qtiff", False),
        ("tls", "qopensslbackend", False),
        ("networkinformation", "qglib", False),
        ("platformthemes", "qgtk3", False),
        ("printsupport", "cupsprintersupport", True),
        ("styles", "qmodernwindowsstyle", True),
    ],
)
def test_plugin_allow_list(folder: str, name: str, wanted: bool) -> None:
    assert plugin_wanted(folder, name) is wanted


def test_translations_and_foreign_hyphenation_are_dropped() -> None:
    assert not bundle_filter.data_wanted("PySide6/Qt/translations/qtbase_de.qm")
    assert not bundle_filter.data_wanted("pyphen/dictionaries/hyph_de_DE.dic")
    assert bundle_filter.data_wanted("pyphen/dictionaries/hyph_en_US.dic")
    assert bundle_filter.data_wanted("resources/library/home.md")


def _bundle() -> tuple[list[Entry], dict[str, list[str]]]:
    binaries: list[Entry] = [
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        (f"{L}/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        (f"{L}/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        (f"{P}/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        (f"{P}/platformthemes/libqgtk3.so", "/s/libqgtk3.so", "BINARY"),
        (f"{P}/tls/libqopensslbackend.so", "/s/libqopensslbackend.so", "BINARY"),
        (f"{L}/libQt6Network.so.6", "/s/libQt6Network.so.6", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libX11.so.6", "/usr/lib/libX11.so.6", "BINARY"),  # gtk and xcb both need it
        ("libssl.so.3", "/usr/lib/libssl.so.3", "BINARY"),
        ("libQt6Network.so.6", f"{L}/libQt6Network.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", f"{L}/libQt6Gui.so.6", "SYMLINK"),
    ]
    deps = {
        "PySide6/QtGui.abi3.so": ["libQt6Gui.so.6", "libQt6Core.so.6"],
        f"{L}/libQt6Gui.so.6": ["libQt6Core.so.6", "libc.so.6"],
        f"{P}/platforms/libqxcb.so": ["libQt6Gui.so.6", "libX11.so.6"],
        f"{P}/platformthemes/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
        f"{P}/tls/libqopensslbackend.so": ["libQt6Network.so.6", "libssl.so.3"],
        f"{L}/libQt6Network.so.6": ["libQt6Core.so.6"],
        "libgtk-3.so.0": ["libX11.so.6"],
    }
    return binaries, deps


def test_trim_drops_plugins_and_what_only_they_needed() -> None:
    binaries, deps = _bundle()
    datas: list[Entry] = [
        ("PySide6/Qt/translations/qt_de.qm", "/s/qt_de.qm", "DATA"),
        ("resources/library/home.md", "/r/home.md", "DATA"),
    ]
    result = trim(binaries, datas, lambda dest: deps.get(dest, []))
    kept = {dest for dest, _, _ in result.binaries}
    assert kept == {
        "libpython3.11.so.1.0",
        "PySide6/QtGui.abi3.so",
        f"{L}/libQt6Gui.so.6",
        f"{L}/libQt6Core.so.6",
        f"{P}/platforms/libqxcb.so",
        "libX11.so.6",
        "libQt6Gui.so.6",  # the link to a kept library stays
    }
    assert [d for d, _, _ in result.datas] == ["resources/library/home.md"]
    assert "libgtk-3.so.0" in result.dropped
    assert "PySide6/Qt/translations/qt_de.qm" in result.dropped


def test_trim_keeps_libraries_nothing_links_to() -> None:
    """Loaded at run time (dlopen) or by the bootloader: no link says so, so they stay."""
    binaries: list[Entry] = [
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
        ("libfoo.so.1", "/usr/lib/libfoo.so.1", "BINARY"),
    ]
    result = trim(binaries, [], lambda dest: [])
    assert result.binaries == binaries
    assert result.dropped == []
