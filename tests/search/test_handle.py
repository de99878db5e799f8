"""ensure_index: shipped file when it matches, else the cache, else memory; damage is rebuilt."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from fieldguide.errors import SearchError
from fieldguide.library.model import Library
from fieldguide.search import (
    build_index_file,
    cache_file,
    default_index_path,
    ensure_index,
    library_hash,
    open_index,
)
from fieldguide.search.synonyms import load_synonyms


class CountingLoader:
    """Stands in for the library loader and counts how often the library was parsed."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.calls = 0

    def __call__(self, root: Path) -> Library:
        self.calls += 1
        return self.library


def ship(library: Library) -> Path:
    out = default_index_path(library.root)
    rules, _ = load_synonyms(library.root)
    build_index_file(library, out, library_hash(library.root), rules)
    return out


def test_default_index_sits_beside_the_library(tmp_path: Path) -> None:
    assert default_index_path(tmp_path / "library") == tmp_path / "library.index.sqlite"


def test_a_matching_shipped_index_is_used_without_parsing(mini_library: Library) -> None:
    shipped = ship(mini_library)
    loader = CountingLoader(mini_library)
    handle = ensure_index(mini_library.root, shipped, None, load=loader)
    assert handle.where == "shipped"
    assert loader.calls == 0
    assert handle.searcher().search("narcan").hits


def test_a_read_only_shipped_index_on_a_read_only_folder_works(mini_library: Library) -> None:
    shipped = ship(mini_library)
    shipped.chmod(stat.S_IRUSR)
    shipped.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        handle = ensure_index(mini_library.root, shipped, None, load=CountingLoader(mini_library))
        assert handle.where == "shipped"
        assert handle.catalog().home == "home"
        assert handle.searcher().search("kratom").hits
    finally:
        shipped.parent.chmod(stat.S_IRWXU)
        shipped.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_an_edited_library_is_rebuilt_in_the_cache(mini_library: Library, tmp_path: Path) -> None:
    shipped = ship(mini_library)
    (mini_library.root / "home.md").write_text("---\ntitle: Changed\n---\nNew text.\n", "utf-8")
    loader = CountingLoader(mini_library)
    handle = ensure_index(mini_library.root, shipped, tmp_path / "cache", load=loader)
    assert handle.where == "cache"
    assert loader.calls == 1
    assert cache_file(tmp_path / "cache", mini_library.root).is_file()
    again = ensure_index(mini_library.root, shipped, tmp_path / "cache", load=loader)
    assert again.where == "cache"
    assert loader.calls == 1  # the cache file was reused


def test_nothing_writable_means_memory(mini_library: Library, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    handle = ensure_index(mini_library.root, None, blocker, load=CountingLoader(mini_library))
    assert handle.where == "memory"
    assert handle.catalog().title == "Mini guide"
    handle.close()


def test_a_damaged_cache_file_is_rebuilt(mini_library: Library, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    loader = CountingLoader(mini_library)
    ensure_index(mini_library.root, None, cache, load=loader)
    target = cache_file(cache, mini_library.root)
    data = target.read_bytes()
    target.write_bytes(data[:100] + b"\xff" * 5000 + data[5100:])
    handle = ensure_index(mini_library.root, None, cache, load=loader)
    assert loader.calls == 2
    assert handle.searcher().search("narcan").hits


def test_a_shipped_file_that_is_no_index_is_ignored(mini_library: Library, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"this is not a database" * 100)
    handle = ensure_index(mini_library.root, bogus, None, load=CountingLoader(mini_library))
    assert handle.where == "memory"
    assert handle.searcher().search("narcan").hits
    handle.close()


def test_an_index_of_another_schema_version_is_rebuilt(mini_library: Library) -> None:
    shipped = ship(mini_library)
    conn = sqlite3.connect(shipped)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    handle = ensure_index(mini_library.root, shipped, None, load=CountingLoader(mini_library))
    assert handle.where == "memory"
    handle.close()


def test_each_thread_gets_its_own_connection_to_a_memory_index(mini_library: Library) -> None:
    handle = ensure_index(mini_library.root, None, None, load=CountingLoader(mini_library))
    found: list[int] = []

    def work() -> None:
        searcher = handle.searcher()
        found.append(len(searcher.search("kratom").hits))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(found) == 4 and min(found) > 0
    handle.close()


def test_a_closed_memory_index_cannot_be_searched(mini_library: Library) -> None:
    handle = ensure_index(mini_library.root, None, None, load=CountingLoader(mini_library))
    handle.close()
    with pytest.raises(SearchError):
        handle.catalog()


def test_cache_files_differ_per_library_folder(tmp_path: Path) -> None:
    a = cache_file(tmp_path, tmp_path / "one" / "library")
    b = cache_file(tmp_path, tmp_path / "two" / "library")
    assert a != b and a.parent == tmp_path and os.sep not in a.name


def test_open_index_is_the_fast_start_and_checks_later(mini_library: Library) -> None:
    shipped = ship(mini_library)
    handle = open_index(shipped)
    assert handle is not None
    assert handle.catalog().home == "home"
    assert handle.is_current(mini_library.root)
    (mini_library.root / "home.md").write_text("changed", "utf-8")
    assert not handle.is_current(mini_library.root)


def test_open_index_refuses_missing_and_damaged_files(tmp_path: Path) -> None:
    assert open_index(tmp_path / "missing.sqlite") is None
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\0" * 4096)
    assert open_index(bad) is None
