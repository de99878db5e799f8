"""Start-up benchmark: time to the first painted article, memory and size, against a bare window.

    python3 build_scripts/bench_startup.py [--runs 10] [--articles 20000] [--out FILE]

Build first (python3 build_scripts/build.py); forms that are not built are left out. Runs each
of these >= 10 times, interleaved so that a slow moment of the machine hits all of them alike,
after one warm-up round that is not counted:

    floor          build_scripts/floor_window.py: a bare PySide6 window, tree + text browser
    source         the reader from the checkout (.venv's Python)
    onedir         the one-folder build
    onefile        the one-file build
    onedir-big     the one-folder build on a generated library of --articles articles

Measured per run: the program's own figure (ms from the OS starting the process to the first
paint, `--exit-after-start`), the wall time from outside (spawn to the line arriving, and to the
exit) and the peak RSS of the process and its children (wait4). Prints one JSON object:
medians with min and max, sizes, ratios to the floor measured in the same run, and the budgets:
one-folder start and peak memory <= 1.3x the floor, zip <= 70 MB (60 MB the goal), a 20,000-
article library <= 1.1x the bundled one. Linux and macOS (wait4); the in-process figure is
Linux only. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build
import dev
import smoke_test

FLOOR = Path(__file__).resolve().parent / "floor_window.py"
BUDGETS = {
    "onedir_start_vs_floor": 1.3,
    "onedir_peak_rss_vs_floor": 1.3,
    "zip_mb": 70.0,
    "zip_mb_goal": 60.0,
    "big_library_vs_bundled": 1.1,
}
TIMEOUT_S = 120


def big_library(root: Path, articles: int) -> Path:
    """The search benchmark's synthetic library, with its index built the way a clinic would
    (`fieldguide index build`), so that the reader can open it from the catalog."""
    from synthetic_library import generate_library

    generate_library(root, articles=articles, seed=20261125)
    python = str(dev.venv_python())
    subprocess.run([python, "-m", "fieldguide", "index", "build", str(root)], check=True)
    return root


def run_once(cmd: list[str], env: dict[str, str], cwd: Path) -> dict[str, Any]:
    """One start: the program's JSON line, wall times and peak RSS."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=cwd, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    seen = time.perf_counter()
    proc.stdout.read()
    rss_mb = None
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
        rss_mb = round(usage.ru_maxrss * scale / 1e6, 1)
    else:
        proc.wait(TIMEOUT_S)
    ended = time.perf_counter()
    if proc.returncode != 0 or not line.strip():
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode}): {line!r}")
    data = json.loads(line)
    return {
        "first_paint_ms": data.get("ms_since_process_start"),
        "wall_to_paint_ms": round((seen - started) * 1000, 1),
        "wall_to_exit_ms": round((ended - started) * 1000, 1),
        "peak_rss_mb": rss_mb,
        "slug": data.get("slug"),
    }


def summary(values: list[float | None]) -> dict[str, float] | None:
    """Median, min and max of the values measured (None when there are none)."""
    real = [v for v in values if v is not None]
    if not real:
        return None
    return {
        "median": round(statistics.median(real), 1),
        "min": round(min(real), 1),
        "max": round(max(real), 1),
    }


def ratio(a: dict[str, Any], b: dict[str, Any], metric: str) -> float | None:
    """Median of `metric` in a over that in b."""
    x, y = a.get(metric), b.get(metric)
    if not x or not y:
        return None
    return round(x["median"] / y["median"], 3)


def subjects(big: Path | None) -> dict[str, list[str]]:
    """The commands to time; forms that are not built are left out."""
    python = str(dev.venv_python())
    out = {
        "floor": [python, str(FLOOR)],
        "source": [python, "-m", "fieldguide", "--exit-after-start"],
    }
    onedir = build.onedir_executable()
    if onedir.is_file():
        out["onedir"] = [str(onedir), "--exit-after-start"]
        if big is not None:
            out["onedir-big"] = [str(onedir), "--exit-after-start", "--library", str(big)]
    elif big is not None:
        out["source-big"] = [*out["source"], "--library", str(big)]
    onefile = build.onefile_executable()
    if onefile.is_file():
        out["onefile"] = [str(onefile), "--exit-after-start"]
    return out


def sizes() -> dict[str, float]:
    """Megabytes of the builds on disk."""
    out: dict[str, float] = {}
    if build.onedir_path().is_dir():
        out["onedir_mb"] = round(build.folder_size(build.onedir_path()) / 1e6, 1)
    zips = sorted(build.DIST.glob(f"{build.NAME}-*.zip"), key=lambda p: p.stat().st_mtime)
    if zips:
        out["zip_mb"] = round(zips[-1].stat().st_size / 1e6, 1)
    if build.onefile_executable().is_file():
        out["onefile_mb"] = round(build.onefile_executable().stat().st_size / 1e6, 1)
    return out


def verdicts(results: dict[str, Any], size: dict[str, float]) -> dict[str, Any]:
    """Each budget: the figure and whether it is met."""
    floor, onedir = results.get("floor", {}), results.get("onedir", {})
    out: dict[str, Any] = {}

    def verdict(name: str, value: float | None, limit: float) -> None:
        if value is not None:
            out[name] = {"value": value, "limit": limit, "met": value <= limit}

    limit = BUDGETS["onedir_start_vs_floor"]
    verdict("onedir_first_paint_vs_floor", ratio(onedir, floor, "first_paint_ms"), limit)
    verdict("onedir_wall_to_paint_vs_floor", ratio(onedir, floor, "wall_to_paint_ms"), limit)
    limit = BUDGETS["onedir_peak_rss_vs_floor"]
    verdict("onedir_peak_rss_vs_floor", ratio(onedir, floor, "peak_rss_mb"), limit)
    verdict("zip_mb", size.get("zip_mb"), BUDGETS["zip_mb"])
    verdict("zip_mb_goal", size.get("zip_mb"), BUDGETS["zip_mb_goal"])
    big_name, base_name = ("onedir-big", "onedir") if "onedir-big" in results else ("", "")
    if not big_name and "source-big" in results:
        big_name, base_name = "source-big", "source"
    if big_name:
        big, base = results[big_name], results[base_name]
        limit = BUDGETS["big_library_vs_bundled"]
        verdict("big_library_first_paint_vs_bundled", ratio(big, base, "first_paint_ms"), limit)
        verdict("big_library_wall_to_paint_vs_bundled", ratio(big, base, "wall_to_paint_ms"), limit)
    return out


def versions() -> dict[str, str]:
    """Versions of what is measured, from the environment."""
    code = (
        "import json, PySide6, PyInstaller, fieldguide; print(json.dumps({'pyside6': "
        "PySide6.__version__, 'pyinstaller': PyInstaller.__version__, "
        "'fieldguide': fieldguide.__version__}))"
    )
    done = subprocess.run(
        [str(dev.venv_python()), "-c", code], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout))


def main(argv: list[str]) -> int:
    dev.rerun_in_environment(__file__, argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="counted runs of each (>= 10)")
    parser.add_argument("--articles", type=int, default=20_000, help="size of the big library")
    parser.add_argument("--no-big", action="store_true", help="leave out the big library")
    parser.add_argument(
        "--big-library", type=Path, help="keep the big library here (made once, then reused)"
    )
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args(argv)
    if args.runs < 10:
        parser.error("--runs must be at least 10")

    with tempfile.TemporaryDirectory(prefix="fieldguide-bench-") as tmp:
        work = Path(tmp)
        big = None
        if not args.no_big:
            big = args.big_library.resolve() if args.big_library else work / "big"
            if not (big / "library.yml").is_file():
                print(f"Writing and indexing {args.articles:,} articles …", file=sys.stderr)
                big_library(big, args.articles)
        env = smoke_test.bare_environment(work / "home")
        cwd = work / "elsewhere"
        cwd.mkdir()
        commands = subjects(big)
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in commands}
        for round_number in range(args.runs + 1):  # round 0 warms the disk cache
            print(f"round {round_number}/{args.runs}", file=sys.stderr)
            for name, cmd in commands.items():
                measured = run_once(cmd, env, cwd)
                if round_number:
                    runs[name].append(measured)

    metrics = ("first_paint_ms", "wall_to_paint_ms", "wall_to_exit_ms", "peak_rss_mb")
    results = {
        name: {m: summary([r[m] for r in measured]) for m in metrics}
        | {"runs": len(measured), "start_page": measured[0]["slug"] if measured else None}
        for name, measured in runs.items()
    }
    floor = results["floor"]
    ratios = {
        f"{name}_vs_floor": {m: ratio(results[name], floor, m) for m in metrics}
        for name in results
        if name != "floor"
    }
    size = sizes()
    report = {
        "machine": {
            "system": platform.platform(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            **versions(),
        },
        "results": results,
        "ratios_to_floor": ratios,
        "sizes": size,
        "budgets": verdicts(results, size),
        "big_library_articles": None if big is None else args.articles,
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
