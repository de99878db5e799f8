"""Read the pixel size of a PNG, GIF, JPEG, WebP or SVG file from its first bytes (stdlib only)."""

from __future__ import annotations

import logging
import re
import struct
from pathlib import Path

log = logging.getLogger(__name__)

_SVG_HEAD = 64 * 1024
_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_SVG_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")
_SVG_UNSAFE = re.compile(rb"<script|<foreignobject|javascript:|<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in pixels, or None when the file cannot be read or its size is unknown."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_SVG_HEAD)
    except OSError as exc:
        log.debug("cannot read %s: %s", path, exc)
        return None
    try:
        if path.suffix.lower() == ".svg":
            return _svg_size(head)
        return _raster_size(head)
    except (struct.error, ValueError, IndexError):
        return None


def svg_is_unsafe(path: Path) -> bool:
    """True when an SVG file holds script, event handlers or embedded HTML (or cannot be read)."""
    try:
        data = path.read_bytes()
    except OSError:
        return True
    return _SVG_UNSAFE.search(data) is not None


def _raster_size(head: bytes) -> tuple[int, int] | None:
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return _positive(width, height)
    if head[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", head[6:10])
        return _positive(width, height)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _webp_size(head)
    if head.startswith(b"\xff\xd8"):
        return _jpeg_size(head)
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return _positive(width, height)
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", head[26:30])
        return _positive(width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return _positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    return None


def _jpeg_size(head: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 9 < len(head):
        if head[pos] != 0xFF:
            return None
        marker = head[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        length = struct.unpack(">H", head[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[pos + 5 : pos + 9])
            return _positive(width, height)
        pos += 2 + length
    return None


def _svg_size(head: bytes) -> tuple[int, int] | None:
    match = _SVG_TAG.search(head)
    if not match:
        return None
    tag = match.group(0).decode("utf-8", "replace")
    attrs = dict(re.findall(r'([\w:-]+)\s*=\s*["\']([^"\']*)["\']', tag))
    width, height = _svg_length(attrs.get("width")), _svg_length(attrs.get("height"))
    box = [float(n) for n in re.findall(r"-?[0-9]*\.?[0-9]+", attrs.get("viewBox", ""))]
    if width and height:
        return _positive(round(width), round(height))
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        ratio = box[3] / box[2]
        if width:
            return _positive(round(width), round(width * ratio))
        if height:
            return _positive(round(height / ratio), round(height))
        return _positive(round(box[2]), round(box[3]))
    return None


def _svg_length(value: str | None) -> float | None:
    match = _SVG_LENGTH.match(value or "")
    return float(match.group(1)) if match else None


def _positive(width: int, height: int) -> tuple[int, int] | None:
    return (width, height) if width > 0 and height > 0 else None
