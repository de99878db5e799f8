"""Reading one text file of a library: never through a link, never too big, always as text."""

from __future__ import annotations

import codecs
import errno
import logging
import os
import stat

from fieldguide.library.problems import ProblemLog

log = logging.getLogger(__name__)

MAX_BYTES = 1024 * 1024  # 1 MB: far more than any article needs
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)  # a file swapped for a link since the folder scan: refuse
    | getattr(os, "O_NONBLOCK", 0)  # never hang on a named pipe
    | getattr(os, "O_BINARY", 0)
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_text(root: str, rel: str, problems: ProblemLog) -> str | None:
    """The text of the library file `rel` (forward slashes), or None with a problem.

    Line ends become "\\n" and a leading byte-order mark is dropped. Bytes that are not UTF-8
    are reported and replaced, so one bad character does not hide a whole article.
    """
    data = _read_bytes(os.path.join(root, *rel.split("/")), rel, problems)
    return None if data is None else decode(data, rel, problems)


def _read_bytes(path: str, rel: str, problems: ProblemLog) -> bytes | None:
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            problems.error(rel, None, "symlink", _LINK_MESSAGE)
        else:
            problems.error(rel, None, "unreadable", _unreadable(exc))
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            problems.error(rel, None, "unreadable", "This is not an ordinary file. Remove it.")
            return None
        if info.st_size > MAX_BYTES:
            problems.error(rel, None, "file-too-large", _too_large(info.st_size))
            return None
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:  # it grew while we read it
            problems.error(rel, None, "file-too-large", _too_large(size))
            return None
        return b"".join(chunks)
    except OSError as exc:
        problems.error(rel, None, "unreadable", _unreadable(exc))
        return None
    finally:
        os.close(fd)


def decode(data: bytes, rel: str, problems: ProblemLog) -> str:
    """Bytes of a library file as text, reporting anything that is not plain UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith(_UTF16_BOMS):
        problems.error(
            rel,
            1,
            "bad-encoding",
            "This file is saved as UTF-16 ('Unicode'). Save it again as UTF-8 "
            "(in Notepad: Save As, Encoding: UTF-8).",
        )
        text = data.decode("utf-16", errors="replace")
        return _normalise_lines(text)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        problems.error(
            rel,
            line,
            "bad-encoding",
            f"Line {line} has characters that are not UTF-8 (often a letter like 'é' typed in "
            "another encoding). Save the file as UTF-8 and check that line.",
        )
        text = data.decode("utf-8", errors="replace")
    return _normalise_lines(text)


def _normalise_lines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


_LINK_MESSAGE = (
    "This is a link (symlink or shortcut) to somewhere else. Field Guide never follows links: "
    "put the real file here instead."
)


def _too_large(size: int) -> str:
    return (
        f"This file is {-(-size // 1024):,} KB; files over 1 MB (1,024 KB) are not read. "
        "Split it into smaller articles."
    )


def _unreadable(exc: OSError) -> str:
    reason = exc.strerror or "unknown reason"
    return f"This file could not be read ({reason}). Check that it exists and may be read."
