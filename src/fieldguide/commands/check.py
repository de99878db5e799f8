"""`fieldguide check [DIR] [--json]`: list a library's problems and reading levels."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fieldguide import paths
from fieldguide.library.check import MAX_GRADE, check_library


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `check`."""
    parser.add_argument("library", nargs="?", help="library folder (default: the bundled one)")
    parser.add_argument("--json", action="store_true", help="print a machine-readable report")


def run(args: argparse.Namespace) -> int:
    """Print the report; exit 0 when there are no errors, 1 otherwise."""
    root = Path(args.library) if args.library else paths.bundled_library_dir()
    report = check_library(root)
    if args.json:
        data = {
            "library": str(root),
            "errors": report.errors,
            "warnings": report.warnings,
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "severity": p.severity.value,
                    "code": p.code,
                    "message": p.message,
                }
                for p in report.problems
            ],
            "articles": [
                {"slug": a.slug, "file": a.path, "grade": a.grade} for a in report.articles
            ],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for problem in report.problems:
            print(problem)
        if report.articles:
            print(f"\nReading level (Flesch-Kincaid grade; keep at {MAX_GRADE:.0f} or below):")
            for article in report.articles:
                flag = "  <- too hard" if article.grade > MAX_GRADE else ""
                print(f"  {article.grade:5.1f}  {article.path}{flag}")
        print(
            f"\n{report.library.title}: {len(report.articles)} articles, "
            f"{report.errors} errors, {report.warnings} warnings"
        )
    return 1 if report.errors else 0
