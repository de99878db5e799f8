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


def _walked(root: Path) -> list[str]:
    """The files os.walk finds (the rule indexed_files keeps): hidden skipped, links to
    folders listed but not followed."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder).relative_to(root).as_posix()
        prefix = "" if base == "." else base + "/"
        found += [prefix + f for f in files if f.endswith((".md", ".yml", ".yaml"))]
        found = [f for f in found if not f.rsplit("/", 1)[-1].startswith(".")]
    return sorted(found)


def test_the_files_are_those_os_walk_finds_links_and_all(
    mini_library: Library, tmp_path: Path
) -> None:
    root = mini_library.root
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "elsewhere.md").write_text("not part of the library")
    (root / "linked-folder").symlink_to(outside, target_is_directory=True)
    (root / "linked-file.md").symlink_to(root / "home.md")
    (root / "broken-link.md").symlink_to(tmp_path / "gone.md")
    (root / ".hidden.md").write_text("hidden")
    (root / "notes.txt").write_text("not indexed")
    files = indexed_files(root)
    assert files == _walked(root)
    assert "linked-file.md" in files and "broken-link.md" in files
    assert not any(f.startswith("linked-folder/") for f in files)
    before = library_hash(root)
    (root / "broken-link.md").unlink()
    assert library_hash(root) != before  # an unreadable file counts, as empty
