"""Scanning a library folder: which files are articles, topics and images; links never followed.

Only `os.scandir` entries are looked at, with `follow_symlinks=False`, so a symlink (or a Windows
junction) is reported where it is and nothing behind it is ever opened.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from dataclasses import dataclass, field

from fieldguide.library.problems import ProblemLog, quoted

log = logging.getLogger(__name__)

META_FILES = ("library.yml", "sources.yml", "glossary.yml", "synonyms.yml")  # synonyms: search
TOPIC_FILE = "_topic.yml"
IMAGE_FOLDER = "images"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
MAX_DEPTH = 20  # topic folders inside topic folders; deeper trees are not read
_JUNK = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})  # Windows leaves these behind
_HINTS = {
    ".yaml": "Field Guide reads only files ending in '.yml': rename it",
    ".markdown": "articles must end in '.md': rename it",
    ".txt": "articles must be Markdown files ending in '.md'",
    ".md": "articles must end in '.md' written in small letters: rename it",
}


@dataclass
class Folder:
    """One topic folder (or the root): its article files and its sub-topics."""

    rel: str  # "" for the root, "withdrawal", "withdrawal/at-home", …
    articles: list[str] = field(default_factory=list)  # file paths relative to the root
    has_topic_file: bool = False
    children: list[Folder] = field(default_factory=list)

    def has_content(self) -> bool:
        """True if there is an article file here or in any folder below."""
        return bool(self.articles) or any(child.has_content() for child in self.children)


@dataclass
class Scan:
    """What a library folder holds."""

    root: Folder
    files: set[str] = field(default_factory=set)  # every ordinary file, relative, "/"-separated
    empty: bool = True  # nothing visible at the top level


def scan_library(root: str, problems: ProblemLog) -> Scan:
    """Walk the folder `root` (which exists) and report what cannot be used."""
    scan = Scan(Folder(""))
    _scan_folder(root, scan.root, scan, problems, depth=0)
    return scan


def _join(rel: str, name: str) -> str:
    return f"{rel}/{name}" if rel else name


def _entries(root: str, rel: str, problems: ProblemLog) -> list[os.DirEntry[str]]:
    path = os.path.join(root, *rel.split("/")) if rel else root
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except OSError as exc:
        problems.error(
            rel,
            None,
            "unreadable",
            f"This folder could not be read ({exc.strerror}). Check that it may be read.",
        )
        return []
    entries.sort(key=lambda e: e.name)
    return [e for e in entries if not _ignored(e.name)]


def _ignored(name: str) -> bool:
    """Hidden files, editor backups and Windows thumbnails are not part of a library."""
    return name.startswith((".", "~$")) or name.endswith("~") or name.casefold() in _JUNK


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink() or bool(getattr(entry, "is_junction", lambda: False)())
    except OSError:
        return True  # cannot tell: treat as a link, never follow it


def _scan_folder(root: str, folder: Folder, scan: Scan, problems: ProblemLog, depth: int) -> None:
    entries = _entries(root, folder.rel, problems)
    if folder.rel == "" and entries:
        scan.empty = False
    seen: dict[str, str] = {}  # normalised name of an article or folder -> name first seen
    for entry in entries:
        rel = _join(folder.rel, entry.name)
        if _is_link(entry):
            problems.error(rel, None, "symlink", _LINK_MESSAGE)
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file(follow_symlinks=False)
        except OSError:
            is_dir = is_file = False
        if is_dir or entry.name.endswith(".md"):
            stem = entry.name[:-3] if entry.name.endswith(".md") and is_file else entry.name
            key = unicodedata.normalize("NFC", stem).casefold() + ("/" if is_dir else "")
            if key in seen:
                problems.error(rel, None, "duplicate-slug", _duplicate(entry.name, seen[key]))
                continue
            seen[key] = entry.name
        if is_dir:
            if entry.name.casefold() == IMAGE_FOLDER:
                _scan_images(root, rel, scan, problems, depth + 1)
            elif depth >= MAX_DEPTH:
                problems.error(rel, None, "too-deep", _TOO_DEEP)
            else:
                child = Folder(rel)
                _scan_folder(root, child, scan, problems, depth + 1)
                folder.children.append(child)
        elif is_file:
            scan.files.add(rel)
            _classify_file(folder, entry.name, rel, problems)
        else:
            problems.warning(
                rel, None, "unknown-file", "This is not an ordinary file or folder and is ignored."
            )


def _classify_file(folder: Folder, name: str, rel: str, problems: ProblemLog) -> None:
    suffix = os.path.splitext(name)[1]
    if name.endswith(".md"):
        folder.articles.append(rel)
    elif folder.rel == "" and name in META_FILES:
        pass
    elif folder.rel != "" and name == TOPIC_FILE:
        folder.has_topic_file = True
    elif suffix.lower() in IMAGE_SUFFIXES:
        pass  # an image beside the articles that show it
    else:
        hint = _HINTS.get(suffix.lower(), "")
        if name == TOPIC_FILE:
            hint = "the library's title belongs in library.yml"
        problems.warning(
            rel,
            None,
            "unknown-file",
            f"Field Guide does not use {quoted(name)}"
            + (f" ({hint})." if hint else "; it is ignored. Move it out of the library folder."),
        )


def _scan_images(root: str, rel: str, scan: Scan, problems: ProblemLog, depth: int) -> None:
    for entry in _entries(root, rel, problems):
        path = _join(rel, entry.name)
        if _is_link(entry):
            problems.error(path, None, "symlink", _LINK_MESSAGE)
        elif entry.is_dir(follow_symlinks=False):
            if depth < MAX_DEPTH:
                _scan_images(root, path, scan, problems, depth + 1)
            else:
                problems.error(path, None, "too-deep", _TOO_DEEP)
        elif entry.is_file(follow_symlinks=False):
            scan.files.add(path)
            if os.path.splitext(entry.name)[1].lower() not in IMAGE_SUFFIXES:
                problems.warning(
                    path,
                    None,
                    "unknown-file",
                    f"{quoted(entry.name)} is not a picture (PNG, JPEG, GIF, SVG or WebP) and is "
                    "not shown. Move it out of the images folder.",
                )


def _duplicate(name: str, first: str) -> str:
    return (
        f"{quoted(name)} has the same name as {quoted(first)} when capital letters are ignored, "
        "as they are on Windows and Mac. Rename or merge one of them."
    )


_TOO_DEEP = (
    "Folders are nested too deeply here; this one is not read. Move it closer to the top of "
    "the library."
)
_LINK_MESSAGE = (
    "This is a link (symlink or shortcut) to somewhere else. Field Guide never follows links: "
    "put the real file or folder here instead."
)
