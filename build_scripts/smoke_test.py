"""Smoke test of the built program: run it as a person would get it, with no Python anywhere.

    python3 build_scripts/smoke_test.py [--program PATH] [--skip-bad-input]

Runs the one-folder build (or PATH) with `--exit-after-start` and `--self-test`:
  1. as built, in a bare environment: no Python on PATH, no PYTHON* variables, Qt offscreen,
     a fresh home folder, started from an unrelated folder;
  2. from a read-only copy of the whole folder (every file and folder made read-only), checking
     that nothing in it was created, changed or removed (a snapshot before and after: root may
     write to read-only files, a snapshot catches it anyway);
  3. on Linux, that the X11 plugin finds every library it needs in the bundle or the system;
  4. with bad input in a copy: the library folder missing, library.yml and the start article
     damaged, and the prebuilt search index (if the bundle has one) missing or damaged. The
     program must still open and say what is wrong; the self-test must fail with a plain
     sentence, never a traceback.
Prints one JSON line per run and a summary; exit 1 if anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build

sys.path.insert(0, str(build.ROOT / "src"))
from fieldguide.qt_code import FILE_NAME as QT_CODE_NAME

PYTHON_NAMES = ("python", "python3", "python.exe", "python3.exe", "py.exe", "pythonw.exe")
KEEP_VARIABLES = (
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "SYSTEMROOT",
    "WINDIR",
    "SYSTEMDRIVE",
    "COMSPEC",
    "PATHEXT",
    "NUMBER_OF_PROCESSORS",
    "PROCESSOR_ARCHITECTURE",
)
TIMEOUT_S = 120
# Libraries of Qt's X11 plugin that many desktops lack (Qt 6.5+ needs xcb-cursor): the bundle
# carries them. They are bundled when present where the program is built (.ci/run installs them).
X11_BUNDLED = (
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-render-util.so.0",
    "libxcb-xkb.so.1",
    "libxkbcommon-x11.so.0",
)


@dataclass
class Result:
    """Checks of one run of the program."""

    name: str
    failures: list[str] = field(default_factory=list)
    line: dict[str, object] = field(default_factory=dict)

    def check(self, ok: bool, message: str) -> None:
        if not ok:
            self.failures.append(message)


def path_without_python() -> str:
    """The current PATH minus every folder that holds a Python interpreter."""
    kept = []
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if folder and not any((Path(folder) / name).exists() for name in PYTHON_NAMES):
            kept.append(folder)
    return os.pathsep.join(kept)


def bare_environment(home: Path) -> dict[str, str]:
    """What the program gets: no PYTHON*, no Python on PATH, Qt offscreen, a fresh home."""
    env = {k: v for k, v in os.environ.items() if k in KEEP_VARIABLES}
    env["PATH"] = path_without_python()
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("LANG", "C.UTF-8")
    for name in ("HOME", "USERPROFILE"):
        env[name] = str(home)
    for name, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_RUNTIME_DIR", "runtime"),
        ("APPDATA", "AppData/Roaming"),
        ("LOCALAPPDATA", "AppData/Local"),
        ("TEMP", "tmp"),
        ("TMP", "tmp"),
        ("TMPDIR", "tmp"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        if name == "XDG_RUNTIME_DIR":
            folder.chmod(0o700)
        env[name] = str(folder)
    assert not any(k.startswith("PYTHON") for k in env)
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def run_program(
    program: Path, args: list[str], env: dict[str, str], cwd: Path
) -> tuple[int, str, str]:
    """Run once; (exit code, stdout, stderr)."""
    try:
        done = subprocess.run(
            [str(program), *args],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        return -1, "", f"no answer after {TIMEOUT_S} s"
    return done.returncode, done.stdout, done.stderr


def json_line(result: Result, stdout: str) -> dict[str, object]:
    """The one JSON line the program prints."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    result.check(len(lines) == 1, f"expected one line of output, got {len(lines)}: {stdout!r}")
    try:
        line = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        result.check(False, f"the output is not JSON: {lines[-1]!r}")
        return {}
    result.line = line
    return line


def expect_good(
    program: Path, env: dict[str, str], cwd: Path, tag: str, bundle: Path | None
) -> list[Result]:
    """Both commands succeed on an intact bundle (whose library lies inside `bundle`)."""
    start = Result(f"{tag}: --exit-after-start")
    code, out, err = run_program(program, ["--exit-after-start"], env, cwd)
    line = json_line(start, out)
    start.check(code == 0, f"exit code {code}; stderr: {err.strip()[-800:]}")
    start.check(line.get("event") == "first-paint", "no first-paint line")
    start.check(line.get("slug") == "home", f"start page is {line.get('slug')!r}, not 'home'")
    start.check(line.get("problems") == 0, f"{line.get('problems')} library problems")
    start.check("Traceback" not in err, "a traceback on stderr")

    selftest = Result(f"{tag}: --self-test")
    code, out, err = run_program(program, ["--self-test"], env, cwd)
    line = json_line(selftest, out)
    selftest.check(code == 0, f"exit code {code}; stderr: {err.strip()[-800:]}")
    selftest.check(line.get("ok") is True, f"self-test not ok: {line.get('error')}")
    selftest.check(line.get("frozen") is True, "the program does not know it is frozen")
    selftest.check(line.get("rendered") == line.get("articles"), "not every article rendered")
    selftest.check(line.get("quick_start") is True, "no start page in the bundled index")
    selftest.check(line.get("search_index") == "shipped", "the bundled index was not used")
    selftest.check(
        line.get("qt_support_code") == "cached",
        f"PySide6 did not start on the compiled support code: {line.get('qt_support_code')}",
    )
    selftest.check(
        line.get("qt_prepared_late") == [],
        f"imported before the prepared code was handed over: {line.get('qt_prepared_late')}",
    )
    if sys.platform.startswith("linux"):  # the bundle keeps the C part of ctypes for this
        selftest.check(
            line.get("kiosk_no_dumps") is True,
            "a kiosk could not keep crash dumps from holding the page (prctl unavailable)",
        )
    library = Path(str(line.get("library", "")))
    if bundle is not None:
        selftest.check(
            library.resolve().is_relative_to(bundle.resolve()),
            f"the library came from outside the bundle: {library}",
        )
    return [start, selftest]


def start_cost_check(folder: Path) -> list[Result]:
    """No multiprocessing in the bundle: with it PyInstaller adds a run-time hook that imports
    it at every start (~40 M instructions), and the reader never starts a process."""
    result = Result("one folder: nothing the start would import for nothing")
    found = sorted(str(p.relative_to(folder)) for p in folder.glob("_internal/multiprocessing*"))
    result.line = {"multiprocessing": found}
    result.check(not found, f"multiprocessing is in the bundle: {found} (bundle_filter.EXCLUDES)")
    return [result]


def x11_plugin_check(folder: Path) -> list[Result]:
    """Linux: every library Qt's X11 window-system plugin links to is in the bundle or is one of
    the system's own (libc, libX11, EGL/GL, fontconfig...). A build made where they were missing
    leaves them out, and the program then opens only where the desktop happens to have them:
    Qt says "xcb-cursor0 or libxcb-cursor0 is needed", and nothing opens."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    result = Result("one folder: the X11 plugin finds its libraries")
    internal = folder / "_internal"
    plugins = sorted(internal.glob("**/plugins/platforms/libqxcb.so"))
    result.check(bool(plugins), "no X11 platform plugin (libqxcb.so) in the bundle")
    libraries = list(internal.glob("**/*.so*"))
    left_out = [name for name in X11_BUNDLED if name not in {p.name for p in libraries}]
    result.check(
        not left_out,
        f"not in the bundle: {', '.join(left_out)} (install them where the program is "
        "built, as .ci/run does, and build again)",
    )
    folders = sorted({str(p.parent) for p in libraries})
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(folders)}
    missing: list[str] = []
    for plugin in plugins:
        done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, env=env)
        missing += [line.split()[0] for line in done.stdout.splitlines() if "not found" in line]
    result.line = {"plugins": [str(p.relative_to(folder)) for p in plugins], "missing": missing}
    result.check(not missing, f"found nowhere: {', '.join(missing)}")
    result.line["left_out"] = left_out
    return [result]


def expect_says_what_is_wrong(
    program: Path, env: dict[str, str], cwd: Path, tag: str, fragment: str
) -> list[Result]:
    """The reader still opens (exit 0, one paint) and the self-test fails plainly."""
    start = Result(f"{tag}: --exit-after-start")
    code, out, err = run_program(program, ["--exit-after-start"], env, cwd)
    line = json_line(start, out)
    start.check(code == 0, f"exit code {code}; stderr: {err.strip()[-800:]}")
    start.check(line.get("event") == "first-paint", "the window never painted")
    problems = line.get("problems")
    start.check(isinstance(problems, int) and problems > 0, "no problem reported")
    start.check("Traceback" not in err, f"a traceback on stderr: {err[-800:]}")

    selftest = Result(f"{tag}: --self-test")
    code, out, err = run_program(program, ["--self-test"], env, cwd)
    line = json_line(selftest, out)
    selftest.check(code == 1, f"exit code {code}, expected 1")
    selftest.check(line.get("ok") is False, "self-test said ok")
    selftest.check("Traceback" not in err, f"a traceback on stderr: {err[-800:]}")
    selftest.check(
        err.startswith("Field Guide self-test failed: ") and fragment in err,
        f"stderr does not say {fragment!r}: {err.strip()[-400:]}",
    )
    return [start, selftest]


def expect_index_rebuilt(program: Path, env: dict[str, str], cwd: Path, tag: str) -> list[Result]:
    """Without a usable shipped index the reader opens the slow way and searches in memory."""
    start = Result(f"{tag}: --exit-after-start")
    code, out, err = run_program(program, ["--exit-after-start"], env, cwd)
    line = json_line(start, out)
    start.check(code == 0, f"exit code {code}; stderr: {err.strip()[-800:]}")
    start.check(line.get("slug") == "home", f"start page is {line.get('slug')!r}, not 'home'")
    start.check("Traceback" not in err, f"a traceback on stderr: {err[-800:]}")

    selftest = Result(f"{tag}: --self-test")
    code, out, err = run_program(program, ["--self-test"], env, cwd)
    line = json_line(selftest, out)
    selftest.check(code == 0, f"exit code {code}; stderr: {err.strip()[-800:]}")
    selftest.check(line.get("search_index") == "memory", "the index was not rebuilt in memory")
    selftest.check(line.get("quick_start") is False, "a quick start from a bad index")
    selftest.check("Traceback" not in err, f"a traceback on stderr: {err[-800:]}")
    return [start, selftest]


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under `folder`: (size, modification time, mode), links not followed."""
    out = {}
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        out[path.relative_to(folder).as_posix()] = (info.st_size, info.st_mtime_ns, info.st_mode)
    return out


def set_writable(folder: Path, writable: bool) -> None:
    """chmod -R a-w (or u+w back), links left alone."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.lstat().st_mode
        bits = stat.S_IWUSR if writable else 0
        path.chmod((mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) | bits)


def copy_bundle(source: Path, target: Path) -> Path:
    """A copy of the one-folder program (or .app); returns the copied folder."""
    shutil.copytree(source, target, symlinks=True)
    return target


def program_in(copy: Path, original_folder: Path, program: Path) -> Path:
    return copy / program.relative_to(original_folder)


def resources_in(folder: Path) -> Path:
    """The bundled resources folder of a one-folder build (or .app)."""
    for candidate in (
        folder / "_internal" / "resources",
        folder / "Contents" / "Resources" / "resources",
        folder / "Contents" / "Frameworks" / "resources",
    ):
        if candidate.is_dir():
            return candidate
    raise SystemExit(f"No resources folder found in {folder}.")


def damage(path: Path) -> None:
    """Overwrite a file with bytes no parser accepts."""
    path.write_bytes(b"\x00\xff\xfe garbage \x00" * 64)


# Name, how to spoil a copy's resources folder, and what the self-test must then say ("": the
# search index is rebuilt in memory and all works).
BadInput = tuple[str, Callable[[Path], None], str]


def bad_inputs(resources: Path) -> list[BadInput]:
    """The ways a copy of the program is spoilt in the test."""
    cases: list[BadInput] = [
        ("library missing", lambda r: shutil.rmtree(r / "library"), "does not exist"),
        ("library.yml damaged", lambda r: damage(r / "library" / "library.yml"), "library.yml"),
        ("start article damaged", lambda r: damage(r / "library" / "home.md"), "home.md"),
    ]
    if (resources / build.INDEX_NAME).exists():
        cases += [
            ("index missing", lambda r: (r / build.INDEX_NAME).unlink(), ""),
            ("index damaged", lambda r: damage(r / build.INDEX_NAME), ""),
        ]
    return cases


def read_only_checks(
    folder: Path, program: Path, env: dict[str, str], cwd: Path, work: Path
) -> list[Result]:
    """Run a read-only copy of the folder; nothing in it may change."""
    copy = copy_bundle(folder, work / "read-only" / folder.name)
    set_writable(copy, False)
    before = snapshot(copy)
    try:
        results = expect_good(program_in(copy, folder, program), env, cwd, "read-only copy", copy)
        after = snapshot(copy)
    finally:
        set_writable(copy, True)
    unchanged = Result("read-only copy: nothing written")
    changed = sorted(set(before) ^ set(after)) + sorted(
        k for k in before.keys() & after.keys() if before[k] != after[k]
    )
    unchanged.check(not changed, f"written to: {changed[:10]}")
    return [*results, unchanged]


def bad_input_checks(
    folder: Path, program: Path, env: dict[str, str], cwd: Path, work: Path
) -> list[Result]:
    """Spoil a copy in each way; the program must open and say what is wrong."""
    results: list[Result] = []
    for number, (name, spoil, fragment) in enumerate(bad_inputs(resources_in(folder))):
        bad = copy_bundle(folder, work / f"bad-{number}" / folder.name)
        spoil(resources_in(bad))
        bad_program = program_in(bad, folder, program)
        if fragment:
            results += expect_says_what_is_wrong(bad_program, env, cwd, name, fragment)
        else:
            results += expect_index_rebuilt(bad_program, env, cwd, name)
        shutil.rmtree(bad.parent)
    return results + qt_code_check(folder, program, env, cwd, work)


def qt_code_check(
    folder: Path, program: Path, env: dict[str, str], cwd: Path, work: Path
) -> list[Result]:
    """With its compiled support code damaged, PySide6 compiles it as usual: all works."""
    bad = copy_bundle(folder, work / "bad-qt-code" / folder.name)
    damage(resources_in(bad) / QT_CODE_NAME)
    result = Result("Qt support code damaged: --self-test")
    code, out, err = run_program(program_in(bad, folder, program), ["--self-test"], env, cwd)
    line = json_line(result, out)
    result.check(code == 0, f"exit code {code}; stderr: {err.strip()[-800:]}")
    result.check(line.get("ok") is True, f"self-test not ok: {line.get('error')}")
    result.check(line.get("qt_support_code") == "compiled", "the damaged file was used")
    result.check("Traceback" not in err, f"a traceback on stderr: {err[-800:]}")
    shutil.rmtree(bad.parent)
    return [result]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--program", type=Path, help="the program to test (default: one folder)")
    parser.add_argument("--skip-bad-input", action="store_true")
    args = parser.parse_args(argv)
    program = (args.program or build.onedir_executable()).resolve()
    if not program.is_file():
        print(f"No program at {program}. Build it first: python3 build_scripts/build.py")
        return 1
    onefile = args.program is not None and program.parent == build.DIST.resolve()
    folder = build.onedir_path().resolve()

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="fieldguide-smoke-") as tmp:
        work = Path(tmp)
        elsewhere = work / "elsewhere"
        elsewhere.mkdir()
        env = bare_environment(work / "home")
        results += expect_good(program, env, elsewhere, "as built", None if onefile else folder)
        if not onefile:
            results += start_cost_check(folder)
            results += x11_plugin_check(folder)
            results += read_only_checks(folder, program, env, elsewhere, work)
            if not args.skip_bad_input:
                results += bad_input_checks(folder, program, env, elsewhere, work)

    failed = [r for r in results if r.failures]
    for result in results:
        status = "ok" if not result.failures else "FAILED"
        print(json.dumps({"run": result.name, "status": status, "output": result.line}))
        for message in result.failures:
            print(f"    {message}")
    print(f"{len(results) - len(failed)} of {len(results)} smoke checks passed ({program}).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
