"""`fieldguide search` and `fieldguide index build` from the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from fieldguide import cli
from fieldguide.library.model import Library
from fieldguide.search import default_index_path, open_index


def test_search_prints_ranked_results(
    mini_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["search", "dope sick", "--library", str(mini_library.root), "--limit", "2"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0].startswith(
        " 1. What opioid withdrawal is  [withdrawal/what-is-withdrawal]"
    )
    assert "*Withdrawal*" in out  # the matched word, marked for the terminal


def test_search_json(mini_library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["search", "kratum", "--library", str(mini_library.root), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["corrected"] == "kratom"
    assert data["hits"][0]["slug"].startswith("kratom")
    assert {"slug", "title", "topic_path", "score", "snippet", "first_match"} <= set(
        data["hits"][0]
    )


def test_search_that_finds_nothing_says_what_to_try(
    mini_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["search", "zzqxv", "--library", str(mini_library.root)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Nothing found for: zzqxv" in out
    assert "Get help now" in out


def test_search_without_a_library_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["search", "x", "--library", str(tmp_path / "missing")])
    assert code == 2
    assert "There is no library folder" in capsys.readouterr().err


def test_index_build_writes_an_index_that_search_uses(
    mini_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["index", "build", str(mini_library.root), "--json"])
    summary = json.loads(capsys.readouterr().out)
    out = default_index_path(mini_library.root)
    assert code == 0
    assert summary["out"] == str(out)
    assert summary["articles"] == 10
    handle = open_index(out)
    assert handle is not None and handle.is_current(mini_library.root)
    assert handle.catalog().title == "Mini guide"


def test_index_build_to_a_chosen_file(
    mini_library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x" / "guide.sqlite"
    assert cli.main(["index", "build", str(mini_library.root), "--out", str(out)]) == 0
    assert "Indexed 10 articles" in capsys.readouterr().out
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (10,)
    conn.close()


def test_index_build_into_an_unwritable_place(
    mini_library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = cli.main(["index", "build", str(mini_library.root), "--out", str(blocker / "i.sqlite")])
    assert code == 1
    assert "cannot be written" in capsys.readouterr().err


def test_index_needs_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["index"])
