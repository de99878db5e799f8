"""Picture sizes read from file headers."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from fieldguide.library.imagesize import image_size, svg_is_unsafe


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data)
    else:
        path.write_bytes(data)
    return path


JPEG = (
    b"\xff\xd8"
    + b"\xff\xe0"
    + struct.pack(">H", 16)
    + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    + b"\xff\xc0"
    + struct.pack(">HBHHB", 17, 8, 240, 320, 3)
    + b"\x00" * 9
)


@pytest.mark.parametrize(
    ("name", "data", "size"),
    [
        ("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", 30, 20), (30, 20)),
        ("a.gif", b"GIF89a" + struct.pack("<HH", 7, 9), (7, 9)),
        ("a.jpg", JPEG, (320, 240)),
        (
            "a.webp",
            b"RIFF\0\0\0\0WEBPVP8X"
            + b"\0" * 8
            + (99).to_bytes(3, "little")
            + (49).to_bytes(3, "little"),
            (100, 50),
        ),
        ("a.svg", '<svg width="120" height="60px"></svg>', (120, 60)),
        ("b.svg", '<?xml version="1.0"?>\n<svg viewBox="0 0 300 150"/>', (300, 150)),
        ("c.svg", '<svg width="600" viewBox="0 0 300 150"/>', (600, 300)),
        ("d.svg", '<svg width="100%" height="100%" viewBox="0 0 40 20"/>', (40, 20)),
        ("e.svg", '<svg width="10cm" height="5cm"/>', None),
        ("a.png", b"not an image", None),
        ("empty.png", b"", None),
        ("short.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", None),
        ("zero.gif", b"GIF89a\x00\x00\x05\x00", None),
    ],
)
def test_image_size(
    tmp_path: Path, name: str, data: bytes | str, size: tuple[int, int] | None
) -> None:
    assert image_size(write(tmp_path, name, data)) == size


def test_missing_file_has_no_size(tmp_path: Path) -> None:
    assert image_size(tmp_path / "nope.png") is None


@pytest.mark.parametrize(
    ("svg", "unsafe"),
    [
        ('<svg><rect width="1"/><text>button one = two</text></svg>', False),
        ("<svg><script>alert(1)</script></svg>", True),
        ('<svg><rect onload="alert(1)"/></svg>', True),
        ('<svg><a href="javascript:alert(1)"/></svg>', True),
        ("<svg><foreignObject><p>hi</p></foreignObject></svg>", True),
    ],
)
def test_svg_is_unsafe(tmp_path: Path, svg: str, unsafe: bool) -> None:
    assert svg_is_unsafe(write(tmp_path, "x.svg", svg)) is unsafe
