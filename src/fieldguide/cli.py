"""Command line: the reader (default) and subcommands; the contract in ARCHITECTURE.md.

    fieldguide [--library DIR] [--config FILE] [--kiosk] [--exit-after-start] [--self-test]
    fieldguide check [DIR] [--json]
    fieldguide search QUERY [--library DIR] [--limit N] [--json]
    fieldguide index build [DIR] [--out FILE]
    fieldguide kiosk-pin [--config FILE]

Each subcommand is a module in `fieldguide.commands` with `add_arguments(parser)` and
`run(args) -> int`, imported only when used, so that starting the reader stays cheap.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import time

from fieldguide import __version__

# Process start as early as we can see it; --exit-after-start reports time from here.
STARTED = time.perf_counter()

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check": ("fieldguide.commands.check", "check a library folder for problems"),
    "search": ("fieldguide.commands.search", "search a library, as the reader would"),
    "index": ("fieldguide.commands.index", "build a search index"),
    "kiosk-pin": ("fieldguide.commands.kiosk_pin", "store an administrator PIN for kiosk mode"),
}


def reader_parser() -> argparse.ArgumentParser:
    """Options of the reader itself (no subcommand)."""
    parser = argparse.ArgumentParser(
        prog="fieldguide",
        description="Field Guide: an offline reader for plain-language health information.",
        epilog="Subcommands: "
        + "; ".join(f"{name}: {text}" for name, (_, text) in SUBCOMMANDS.items())
        + ". Use 'fieldguide SUBCOMMAND --help' for more.",
    )
    parser.add_argument("--version", action="version", version=f"Field Guide {__version__}")
    parser.add_argument("--library", metavar="DIR", help="open this library folder")
    parser.add_argument("--config", metavar="FILE", help="deployment config (fieldguide.toml)")
    parser.add_argument("--kiosk", action="store_true", help="start in kiosk mode")
    parser.add_argument(
        "--exit-after-start",
        action="store_true",
        help="paint the start article, print one JSON line with timings, exit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="load the library, search, render an article, exit 0 if all worked",
    )
    return parser


_FLAGS = {"--kiosk": "kiosk", "--exit-after-start": "exit_after_start", "--self-test": "self_test"}
_VALUES = {"--library": "library", "--config": "config"}


def quick_reader_args(args: list[str]) -> argparse.Namespace | None:
    """The reader's options, read without building the argparse parser when they are plain:
    known flags, and --library or --config followed by a value. Building the parser costs more
    than the rest of the command line (~13 M instructions, a few ms of every start). None for
    anything else (--help, --version, a mistake): `reader_parser` reads that and explains."""
    values: dict[str, object] = {name: False for name in _FLAGS.values()}
    values.update({name: None for name in _VALUES.values()})
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _FLAGS:
            values[_FLAGS[arg]] = True
        elif arg in _VALUES and i + 1 < len(args) and not args[i + 1].startswith("-"):
            i += 1
            values[_VALUES[arg]] = args[i]
        else:
            return None
        i += 1
    return argparse.Namespace(**values)


def main(argv: list[str] | None = None) -> int:
    """Run the reader or a subcommand; return the process exit code."""
    args_list = sys.argv[1:] if argv is None else argv
    if args_list and args_list[0] in SUBCOMMANDS:
        gc.enable()  # a bundle's start turned it off, for the reader's start (app.run)
        name = args_list[0]
        module = importlib.import_module(SUBCOMMANDS[name][0])
        description = SUBCOMMANDS[name][1]
        parser = argparse.ArgumentParser(prog=f"fieldguide {name}", description=description)
        module.add_arguments(parser)
        return int(module.run(parser.parse_args(args_list[1:])))
    gc.disable()  # the reader's start: on again after its first paint (qt_start.py)
    try:
        args = quick_reader_args(args_list) or reader_parser().parse_args(args_list)
        from fieldguide import app  # Qt is imported only on this path

        return app.run(args, started=STARTED)
    except BaseException:  # --help, a mistake in the options, a failed start: on again
        gc.enable()
        raise
