"""`fieldguide check [DIR] [--config FILE] [--json]`: list a library's problems and reading levels.

With --config, also the deployment config's problems and each site library folder it names.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from fieldguide import paths
from fieldguide.config import load_config
from fieldguide.library.check import MAX_GRADE, CheckReport, check_library
from fieldguide.library.model import Problem, Severity


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `check`."""
    parser.add_argument("library", nargs="?", help="library folder (default: the bundled one)")
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="also check this settings file (fieldguide.toml) and the site libraries it names",
    )
    parser.add_argument("--json", action="store_true", help="print a machine-readable report")


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "severity": problem.severity.value,
        "code": problem.code,
        "message": problem.message,
    }


def _report_json(root: Path, report: CheckReport) -> dict[str, Any]:
    return {
        "library": str(root),
        "errors": report.errors,
        "warnings": report.warnings,
        "problems": [_problem_json(p) for p in report.problems],
        "articles": [{"slug": a.slug, "file": a.path, "grade": a.grade} for a in report.articles],
    }


def _print_report(report: CheckReport) -> None:
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


def run(args: argparse.Namespace) -> int:
    """Print the report; exit 0 when there are no errors, 1 otherwise."""
    root = Path(args.library) if args.library else paths.bundled_library_dir()
    report = check_library(root)
    config_problems: tuple[Problem, ...] = ()
    sites: list[tuple[Path, CheckReport]] = []
    if args.config:
        config, config_problems = load_config(Path(args.config))
        sites = [(folder, check_library(folder)) for folder in config.libraries]
    config_errors = sum(p.severity is Severity.ERROR for p in config_problems)
    if args.json:
        data = _report_json(root, report)
        if args.config:
            data["config"] = {
                "file": args.config,
                "errors": config_errors,
                "warnings": len(config_problems) - config_errors,
                "problems": [_problem_json(p) for p in config_problems],
            }
            data["site_libraries"] = [_report_json(folder, site) for folder, site in sites]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        _print_report(report)
        if args.config:
            print(f"\nSettings file {args.config}:")
            for problem in config_problems:
                print(problem)
            print(f"{config_errors} errors, {len(config_problems) - config_errors} warnings")
        for folder, site in sites:
            print(f"\nSite library {folder}:")
            _print_report(site)
    failed = report.errors or config_errors or any(site.errors for _, site in sites)
    return 1 if failed else 0
