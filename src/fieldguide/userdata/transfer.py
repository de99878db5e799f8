"""Bookmarks as a small JSON file: export (written atomically) and a strict, size-capped import.

The file looks like this (`label` and `created` may be left out; `label` may be null):

    {"format": "fieldguide-bookmarks", "version": 1,
     "bookmarks": [{"library": "opioid-guide", "slug": "withdrawal/how-long-it-lasts",
                    "title": "How long opioid withdrawal lasts", "label": "Read first",
                    "created": "2026-11-25T10:15:00+00:00"}]}

Import refuses anything else with a UserDataError whose text is fit for the reader; it never
returns part of a bad file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from fieldguide.errors import UserDataError
from fieldguide.userdata.model import Bookmark

log = logging.getLogger(__name__)

FORMAT = "fieldguide-bookmarks"
VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_BOOKMARKS = 10_000
MAX_TEXT = 2_000
NOTHING_CHANGED = "Nothing was changed."


def _iso(created: float) -> str | None:
    try:
        return datetime.fromtimestamp(created, UTC).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):
        return None


def bookmarks_to_json(bookmarks: Iterable[Bookmark]) -> str:
    """The text of a bookmarks file holding `bookmarks` in their order."""
    items: list[dict[str, Any]] = []
    for b in bookmarks:
        item: dict[str, Any] = {"library": b.library_id, "slug": b.slug, "title": b.title}
        item["label"] = b.label
        created = _iso(b.created)
        if created is not None:
            item["created"] = created
        items.append(item)
    doc = {"format": FORMAT, "version": VERSION, "bookmarks": items}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_bookmarks_file(path: Path, bookmarks: Iterable[Bookmark]) -> None:
    """Save bookmarks to `path` atomically: a temporary file beside it, then a rename."""
    text = bookmarks_to_json(bookmarks)
    import secrets  # not at start-up: it loads OpenSSL

    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with temp.open("x", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise UserDataError(
            f"The bookmarks could not be saved as {path.name} in the folder {path.parent} "
            f"({reason})."
        ) from exc


def read_bookmarks_file(path: Path, now: float) -> list[Bookmark]:
    """Read and check a bookmarks file; `now` dates bookmarks that carry no date."""
    name = path.name
    try:
        if not path.is_file():
            raise UserDataError(f"{name} is not a file that can be opened. {NOTHING_CHANGED}")
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UserDataError(
            f"The file {name} could not be opened ({reason}). {NOTHING_CHANGED}"
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise UserDataError(
            f"The file {name} is too big to be a bookmarks file (more than "
            f"{MAX_FILE_BYTES // 1_000_000} MB). {NOTHING_CHANGED}"
        )
    return parse_bookmarks(data, name, now)


def _not_ours(name: str) -> NoReturn:
    raise UserDataError(f"The file {name} is not a Field Guide bookmarks file. {NOTHING_CHANGED}")


def _damaged(name: str, what: str) -> NoReturn:
    raise UserDataError(f"The bookmarks file {name} is damaged: {what}. {NOTHING_CHANGED}")


def _reject_constant(token: str) -> NoReturn:
    raise ValueError(f"{token} is not allowed")


def parse_bookmarks(data: bytes, name: str, now: float) -> list[Bookmark]:
    """Check the bytes of a bookmarks file and return its bookmarks, or raise UserDataError."""
    if not data.strip():
        raise UserDataError(f"The file {name} is empty. {NOTHING_CHANGED}")
    try:
        doc = json.loads(data.decode("utf-8-sig"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        _not_ours(name)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        _not_ours(name)
    version = doc.get("version")
    if type(version) is not int or version < 1:
        _damaged(name, "it has no valid version number")
    if version > VERSION:
        raise UserDataError(
            f"The bookmarks file {name} was made by a newer version of Field Guide, "
            f"which this version cannot read. {NOTHING_CHANGED}"
        )
    items = doc.get("bookmarks")
    if not isinstance(items, list):
        _damaged(name, "it has no list of bookmarks")
    if len(items) > MAX_BOOKMARKS:
        _damaged(name, f"it has more than {MAX_BOOKMARKS:,} bookmarks")
    return [_parse_item(item, n, name, now) for n, item in enumerate(items, 1)]


def _text(value: Any, key: str, n: int, name: str) -> str:
    if not isinstance(value, str):
        _damaged(name, f"bookmark {n} has no valid {key}")
    if len(value) > MAX_TEXT:
        _damaged(name, f"the {key} of bookmark {n} is too long")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        _damaged(name, f"the {key} of bookmark {n} is not valid text")
    return value


def _key_text(value: Any, key: str, n: int, name: str) -> str:
    text = _text(value, key, n, name)
    if not text.strip():
        _damaged(name, f"bookmark {n} has no valid {key}")
    return text


def _date(value: Any, n: int, name: str, now: float) -> float:
    if value is None:
        return now
    try:
        if not isinstance(value, str):
            raise TypeError(value)
        when = datetime.fromisoformat(value)
        return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
    except (TypeError, ValueError, OverflowError, OSError):
        _damaged(name, f"bookmark {n} has a date that cannot be read")


def _parse_item(item: Any, n: int, name: str, now: float) -> Bookmark:
    if not isinstance(item, dict):
        _damaged(name, f"bookmark {n} is not a bookmark")
    raw_label = item.get("label")
    label = None if raw_label is None else " ".join(_text(raw_label, "label", n, name).split())
    return Bookmark(
        library_id=_key_text(item.get("library"), "library", n, name),
        slug=_key_text(item.get("slug"), "slug", n, name),
        title=_text(item.get("title"), "title", n, name),
        label=label or None,
        created=_date(item.get("created"), n, name, now),
    )
