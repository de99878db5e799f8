"""The window's search function: waits for the index, one searcher per thread, plain errors."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from fieldguide.errors import SearchError
from fieldguide.search import Cancelled, IndexHandle
from fieldguide.search.service import NOT_PREPARED, SearchService
from tests.library_factory import write_library


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib")


def _search(service: SearchService, text: str, cancel: threading.Event | None = None) -> object:
    return service.search(text, typing=False, exact=False, cancel=cancel or threading.Event())


def test_searches_once_prepared(library: Path) -> None:
    service = SearchService()
    handle = service.prepare(library, None, None)
    assert isinstance(handle, IndexHandle) and handle.where == "memory"
    results = _search(service, "dope sick")
    assert [hit.slug for hit in results.hits][:1] == ["withdrawal/how-long"]  # type: ignore[attr-defined]


def test_builds_in_the_cache_folder_and_uses_a_shipped_index_that_matches(
    library: Path, tmp_path: Path
) -> None:
    service = SearchService()
    assert service.prepare(library, tmp_path / "none.sqlite", tmp_path / "cache").where == "cache"
    assert list((tmp_path / "cache").glob("*.sqlite"))


def test_a_search_waits_for_the_index_then_answers(library: Path) -> None:
    service = SearchService()
    answers: list[object] = []
    worker = threading.Thread(target=lambda: answers.append(_search(service, "withdrawal")))
    worker.start()
    assert not service.is_ready
    service.prepare(library, None, None)
    worker.join(5)
    assert not worker.is_alive()
    assert answers and answers[0].hits  # type: ignore[attr-defined]


def test_a_waiting_search_gives_up_quietly_when_cancelled() -> None:
    service = SearchService()
    cancel = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            _search(service, "withdrawal", cancel)
        except Cancelled as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    cancel.set()
    worker.join(5)
    assert not worker.is_alive()
    assert len(outcome) == 1


def test_each_thread_has_its_own_searcher_and_keeps_it(library: Path) -> None:
    service = SearchService()
    service.prepare(library, None, None)
    mine = service._searcher()
    assert service._searcher() is mine
    theirs: list[object] = []
    worker = threading.Thread(target=lambda: theirs.append(service._searcher()))
    worker.start()
    worker.join(5)
    assert theirs and theirs[0] is not mine


@pytest.mark.parametrize("error", [OSError("disk gone"), KeyError("bug")])
def test_a_failure_while_preparing_gives_a_plain_error_and_no_search_waits(
    library: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def broken(*_: object) -> IndexHandle:
        raise error

    monkeypatch.setattr("fieldguide.search.service.ensure_index", broken)
    service = SearchService()
    with pytest.raises(SearchError, match=NOT_PREPARED):
        service.prepare(library, None, None)
    assert service.is_ready
    with pytest.raises(SearchError, match=NOT_PREPARED):
        _search(service, "withdrawal")


def test_a_search_error_while_preparing_is_passed_on(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> IndexHandle:
        raise SearchError("The search index cannot be opened.")

    monkeypatch.setattr("fieldguide.search.service.ensure_index", broken)
    service = SearchService()
    with pytest.raises(SearchError, match="cannot be opened"):
        service.prepare(library, None, None)
    with pytest.raises(SearchError, match="cannot be opened"):
        _search(service, "withdrawal")


def test_a_search_with_an_index_that_is_already_open(library: Path) -> None:
    first = SearchService()
    handle = first.prepare(library, None, None)
    second = SearchService()
    second.use(handle)
    assert second.is_ready
    assert _search(second, "withdrawal").hits  # type: ignore[attr-defined]


def test_the_site_libraries_of_the_combined_library_are_searched_too(tmp_path: Path) -> None:
    from fieldguide.library.loader import load_library
    from fieldguide.library.sites import combine, load_sites
    from tests.library_factory import write_site

    guide = write_library(tmp_path / "guide")
    combined = combine(load_library(guide), load_sites([write_site(tmp_path / "clinic-pages")]))
    service = SearchService()
    service.prepare(guide, None, None, combined.library)
    site = _search(service, "riverside")
    assert [hit.slug for hit in site.hits] == ["clinic/local-services"]  # type: ignore[attr-defined]
    assert _search(service, "dope sick").hits  # type: ignore[attr-defined]


def test_a_library_without_sites_is_searched_alone(library: Path) -> None:
    from fieldguide.library.loader import load_library

    service = SearchService()
    service.prepare(library, None, None, load_library(library))
    assert service._sites is None
    assert _search(service, "dope sick").hits  # type: ignore[attr-defined]


def test_one_multi_searcher_set_per_thread_across_calls(tmp_path: Path) -> None:
    from fieldguide.library.loader import load_library
    from fieldguide.library.sites import combine, load_sites
    from fieldguide.search.multi import MultiSearch
    from tests.library_factory import write_site

    guide = write_library(tmp_path / "guide")
    combined = combine(load_library(guide), load_sites([write_site(tmp_path / "clinic-pages")]))
    service = SearchService()
    service.prepare(guide, None, None, combined.library)
    multi = service._sites
    assert isinstance(multi, MultiSearch)
    assert multi.searchers() is multi.searchers()
