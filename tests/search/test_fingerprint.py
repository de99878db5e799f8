"""The content hash changes with the library's text, and not with copying or pictures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from fieldguide.library.model import Library
from fieldguide.search import library_hash
from fieldguide.search.fingerprint import indexed_files


def test_hash_survives_a_copy_with_new_times(mini_library: Library, tmp_path: Path) -> None:
    copy = tmp_path / "stick" / "library"
    shutil.copytree(mini_library.root, copy)
    for path in copy.rglob("*"):
        os.utime(path, (1, 1))
    assert library_hash(copy) == library_hash(mini_library.root)


def test_hash_changes_with_one_changed_letter(mini_library: Library) -> None:
    before = library_hash(mini_library.root)
    path = mini_library.root / "kratom" / "what-is-kratom.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("tree", "trie"), "utf-8")  # same size, other content
    assert library_hash(mini_library.root) != before


def test_hash_changes_with_a_renamed_file(mini_library: Library) -> None:
    before = library_hash(mini_library.root)
    (mini_library.root / "home.md").rename(mini_library.root / "start.md")
    assert library_hash(mini_library.root) != before


def test_pictures_and_hidden_files_do_not_count(mini_library: Library) -> None:
    before = library_hash(mini_library.root)
    (mini_library.root / "images").mkdir()
    (mini_library.root / "images" / "x.png").write_bytes(b"\x89PNG")
    (mini_library.root / ".git").mkdir()
    (mini_library.root / ".git" / "x.md").write_text("hidden")
    assert library_hash(mini_library.root) == before
    assert "home.md" in indexed_files(mini_library.root)


def test_missing_folder_hashes_quietly(tmp_path: Path) -> None:
    assert len(library_hash(tmp_path / "missing")) == 32
