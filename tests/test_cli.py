"""The reader's command line: the quick reading of plain options agrees with argparse's."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldguide.cli import quick_reader_args, reader_parser

TOKENS = (
    "--kiosk",
    "--exit-after-start",
    "--self-test",
    "--library",
    "--config",
    "lib",
    "D:/clinic pages",
    "fieldguide.toml",
    "--library=lib",
    "-h",
    "--help",
    "--version",
    "--kiosks",
    "-x",
    "",
)


def argparse_reads(args: list[str]) -> argparse.Namespace | None:
    """What the full parser makes of `args` (None when it stops: help, version, an error)."""
    try:
        return reader_parser().parse_args(args)
    except SystemExit:
        return None


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--exit-after-start"],
        ["--kiosk", "--config", "fieldguide.toml"],
        ["--library", "lib", "--self-test"],
        ["--config", "a.toml", "--config", "b.toml"],  # the last one counts, as in argparse
    ],
)
def test_plain_options_are_read_as_argparse_reads_them(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    quick = quick_reader_args(args)
    assert quick is not None
    assert quick == argparse_reads(args)


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["--library"], ["--library", "--kiosk"], ["--library=lib"], ["x"]],
)
def test_anything_else_is_left_to_argparse(args: list[str]) -> None:
    assert quick_reader_args(args) is None


@given(st.lists(st.sampled_from(TOKENS), max_size=6))
def test_whenever_the_quick_reading_answers_argparse_agrees(args: list[str]) -> None:
    quick = quick_reader_args(args)
    if quick is not None:
        assert quick == argparse_reads(args)


def test_a_subcommand_runs_with_the_garbage_collector_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bundle's start turns the collector off for the reader's start; a long command such as
    `index build` must not run without it."""
    import gc

    from fieldguide import cli

    gc.disable()
    try:
        cli.main(["check", str(tmp_path)])  # a folder with no library: a quick "no"
        assert gc.isenabled()
    finally:
        gc.enable()
