"""`fieldguide check [DIR] [--config FILE] [--json]`: list a library's problems and reading levels.

With --config, also the deployment config's problems and each site library folder it names,
checked as the reader shows it: mounted in the guide, so that links to the guide's articles are
checked against the guide (see `library.sites`), and `start_page` must be a page of either.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from fieldguide import paths
from fieldguide.config import Config, load_config
from fieldguide.config.lines import scan
from fieldguide.library.check import MAX_GRADE, CheckReport, check_library, check_sites
from fieldguide.library.model import Library, Problem, Severity


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


def _start_page_problems(config: Config, library: Library) -> tuple[Problem, ...]:
    """A problem when the settings' start page is no page of the guide or of a site."""
    wanted = config.start_page
    if not wanted or library.article(wanted) or library.topic(wanted):
        return ()
    line = None
    if config.file is not None:
        try:
            line = scan(config.file.read_text(encoding="utf-8-sig")).line_of(("start_page",))
        except (OSError, UnicodeDecodeError):
            line = None
    shown = list(library.mounts)
    hint = (
        f" Pages of your own folders start with {', '.join(repr(p + '/') for p in shown)}."
        if shown
        else ""
    )
    message = (
        f'start_page is "{wanted}", which is not a page of the guide or of your own folders, '
        "so Field Guide opens the guide's own start page. Write the page as its folder and "
        f'file name without ".md", like "withdrawal/how-long-it-lasts".{hint}'
    )
    file = str(config.file) if config.file else ""
    return (Problem(file, line, Severity.ERROR, message, "config-unknown-start-page"),)


def run(args: argparse.Namespace) -> int:
    """Print the report; exit 0 when there are no errors, 1 otherwise."""
    root = Path(args.library) if args.library else paths.bundled_library_dir()
    report = check_library(root)
    config_problems: tuple[Problem, ...] = ()
    sites: list[tuple[Path, CheckReport]] = []
    if args.config:
        config, config_problems = load_config(Path(args.config))
        combined, reports = check_sites(report.library, config.libraries)
        sites = list(zip(config.libraries, reports, strict=True))
        config_problems += _start_page_problems(config, combined.library)
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
