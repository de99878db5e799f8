"""The loader never opens or lists anything outside the library folder, whatever links say."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from loader_helpers import copy_fixture, problem_keys, symlink

from fieldguide.library.loader import load_library

_seen: list[str] | None = None  # paths opened or listed while recording


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _seen is not None and event in ("open", "os.scandir", "os.listdir") and args:
        path = args[0]
        if isinstance(path, str | bytes | os.PathLike):
            _seen.append(os.path.abspath(os.fsdecode(path)))


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one only records while asked


@contextmanager
def recording() -> Iterator[list[str]]:
    global _seen
    _seen = []
    try:
        yield _seen
    finally:
        _seen = None


def test_links_and_symlinks_out_of_the_library_are_never_followed(tmp_path: Path) -> None:
    lib = copy_fixture("good", tmp_path / "lib")
    (tmp_path / "outside.md").write_text("---\ntitle: Secret\nsummary: S.\n---\nSecret.\n")
    (tmp_path / "outside.png").write_bytes(b"png")
    (tmp_path / "outside-dir").mkdir()
    (tmp_path / "outside-dir" / "secret.md").write_text("---\ntitle: Secret\n---\n")
    symlink(lib / "withdrawal" / "outside.md", "../../outside.md")
    symlink(lib / "images" / "outside.png", "../../outside.png")
    symlink(lib / "kratom" / "elsewhere", "../../outside-dir", folder=True)
    (lib / "glossary.yml").unlink()
    symlink(lib / "glossary.yml", "../outside.md")  # even the library's own files
    article = lib / "kratom" / "risks.md"
    article.write_text(
        article.read_text() + "[out](../../outside.md) ![out](../../outside.png)\n"
        "[via link](../withdrawal/outside.md) [abs](/etc/passwd)\n"
    )

    with recording() as seen:
        library = load_library(lib)

    outside = [p for p in seen if p.startswith(str(tmp_path)) and not p.startswith(str(lib))]
    assert outside == []
    assert any(p.endswith("risks.md") for p in seen)  # the recording works
    assert "withdrawal/outside" not in library.articles
    assert "kratom/elsewhere/secret" not in library.articles
    assert library.glossary == ()
    keys = problem_keys(library)
    for rel in ("withdrawal/outside.md", "images/outside.png", "kratom/elsewhere", "glossary.yml"):
        assert keys[("symlink", rel, None)] == 1
    assert keys[("outside-link", "kratom/risks.md", 14)] == 2
    assert keys[("outside-link", "kratom/risks.md", 15)] == 1
    assert keys[("broken-link", "kratom/risks.md", 15)] == 1  # the link to the symlink
