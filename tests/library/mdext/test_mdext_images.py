"""Images: shown only from inside the library, never through a symbolic link or from the web."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from markdown import Markdown

from fieldguide.library.mdext import notices, outputs, set_document_path
from fieldguide.library.mdext.images import IMAGES, NOTICES, ImageExtension


def png(path: Path, width: int, height: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", width, height))
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    png(root / "images" / "small.png", 200, 100)
    png(root / "images" / "wide.png", 1280, 400)
    (root / "withdrawal").mkdir()
    return root


def convert(root: Path, text: str, path: str = "withdrawal/a.md") -> tuple[str, Markdown]:
    md = Markdown(extensions=[ImageExtension(root=str(root))])
    set_document_path(md, path)
    return md.convert(text), md


def test_image_inside_the_library_gets_a_file_url_and_its_size(library: Path) -> None:
    html, md = convert(library, '![A chart](../images/small.png "Chart")')
    uri = (library / "images" / "small.png").resolve().as_uri()
    assert f'<img alt="A chart" height="100" src="{uri}" title="Chart" width="200" />' in html
    assert outputs(md, IMAGES) == ["images/small.png"]
    assert notices(md, NOTICES) == []


def test_wide_image_is_scaled_to_fit(library: Path) -> None:
    html, _ = convert(library, "![w](../images/wide.png)")
    assert 'width="640"' in html
    assert 'height="200"' in html


def test_max_width_is_configurable(library: Path) -> None:
    md = Markdown(extensions=[ImageExtension(root=str(library), max_width=100)])
    assert 'width="100" ' in md.convert("![w](images/small.png)")


def test_missing_image_becomes_visible_text(library: Path) -> None:
    html, md = convert(library, "Look: ![A face](../images/nope.png) here")
    assert '<p>Look: <span class="missing-image">[Picture missing: A face]</span> here</p>' in html
    [notice] = notices(md, NOTICES)
    assert (notice.code, notice.needle) == ("missing-image", "../images/nope.png")
    assert outputs(md, IMAGES) == []


def test_missing_image_without_alt_text(library: Path) -> None:
    html, _ = convert(library, "![](../images/nope.png)")
    assert "[Picture missing]" in html


@pytest.mark.parametrize(
    ("src", "code"),
    [
        ("http://example.org/x.png", "remote-image"),
        ("https://example.org/x.png", "remote-image"),
        ("//example.org/x.png", "remote-image"),
        ("data:image/png;base64,AAAA", "bad-image"),
        ("file:///etc/passwd", "bad-image"),
        ("../../outside.png", "bad-image"),
        ("/etc/x.png", "bad-image"),
        ("../images/notes.txt", "bad-image"),
        ("../about.md", "bad-image"),
    ],
)
def test_images_from_elsewhere_are_not_shown(library: Path, src: str, code: str) -> None:
    (library / "images" / "notes.txt").write_text("x")
    html, md = convert(library, f"![pic]({src})")
    assert "<img" not in html
    assert "[Picture" in html
    assert [n.code for n in notices(md, NOTICES)] == [code]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symbolic_links_are_never_followed(library: Path, tmp_path: Path) -> None:
    secret = png(tmp_path / "secret.png", 10, 10)
    try:
        (library / "images" / "out.png").symlink_to(secret)
        (library / "images" / "in.png").symlink_to(library / "images" / "small.png")
        (library / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("cannot make symbolic links here")
    for src in ("../images/out.png", "../images/in.png", "../elsewhere/secret.png"):
        html, md = convert(library, f"![x]({src})")
        assert "<img" not in html, src
        assert [n.code for n in notices(md, NOTICES)] == ["missing-image"], src


def test_svg_size_and_unsafe_svg(library: Path) -> None:
    (library / "images" / "ok.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect/></svg>'
    )
    (library / "images" / "bad.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    html, md = convert(library, "![ok](../images/ok.svg) ![bad](../images/bad.svg)")
    assert 'width="300"' in html and 'height="150"' in html
    assert "[Picture not shown: bad]" in html
    assert [n.code for n in notices(md, NOTICES)] == ["unsafe-image"]
    assert outputs(md, IMAGES) == ["images/ok.svg"]


def test_without_a_root_no_image_is_shown() -> None:
    md = Markdown(extensions=[ImageExtension()])
    assert "<img" not in md.convert("![x](images/small.png)")


def test_reset_forgets_images_and_notices(library: Path) -> None:
    _, md = convert(library, "![a](../images/small.png) ![b](../images/nope.png)")
    md.reset()
    assert outputs(md, IMAGES) == []
    assert notices(md, NOTICES) == []
