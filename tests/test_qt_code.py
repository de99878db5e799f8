"""shiboken's start-up work done once: PySide6 starts on the kept code, else compiles as usual."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldguide import qt_code

# Imports shiboken with the code in argv[1] (or none), says how it went, then proves that the
# support code works: a wrong call's message lists the signatures (parser and errorhandler).
PROBE = """
import sys
from pathlib import Path
from fieldguide import qt_code
code, patterns = qt_code.import_shiboken(Path(sys.argv[1]) if sys.argv[1] != "-" else None)
print(qt_code.last_status, len(code) + len(patterns))
from PySide6.QtCore import QSize
try:
    QSize("wide")
except TypeError as exc:
    print("Supported signatures" in str(exc))
"""


def probe(cache: Path | None) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-c", PROBE, str(cache) if cache else "-"]
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("qt") / qt_code.FILE_NAME
    args = [sys.executable, "-m", "fieldguide.qt_code", str(path)]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return path


def test_the_build_keeps_every_support_module(cache: Path) -> None:
    code, patterns = qt_code.read_cache(cache)
    names = {name for name, _flags in code}
    assert "shibokensupport/signature/parser.py" in names
    assert "shibokensupport/signature/errorhandler.py" in names
    assert len(names) >= 10
    assert len(patterns) >= 3  # the signature parser's and the .pyi generator's, at least


def test_kept_regular_expressions_are_what_the_compiler_makes(cache: Path) -> None:
    _code, patterns = qt_code.read_cache(cache)
    compiler = re.__dict__["_compiler"]
    for (pattern, flags), compiled in patterns.items():
        kept = compiler._sre.compile(*compiled)
        assert kept == compiler.compile(pattern, flags)  # same flags, pattern and code
        assert kept.groupindex == compiler.compile(pattern, flags).groupindex


def test_shiboken_starts_on_the_kept_code_and_it_works(cache: Path) -> None:
    assert probe(cache) == ["cached", "0", "True"]


def test_logging_and_json_load_on_kept_regular_expressions_too(cache: Path) -> None:
    import json.scanner
    import logging

    _code, patterns = qt_code.read_cache(cache)
    kept = {pattern for pattern, _flags in patterns}
    assert logging.PercentStyle.validation_pattern.pattern in kept
    assert json.scanner.NUMBER_RE.pattern in kept
    # In a fresh interpreter, as in the bundle, where the runtime hook runs first.
    check = (
        "import sys\nfrom pathlib import Path\nfrom fieldguide import qt_code\n"
        "before = {'logging', 'json'} & set(sys.modules)\n"
        "qt_code.import_shiboken(Path(sys.argv[1]))\n"
        "print(sorted(before), qt_code.last_status, {'logging', 'json'} <= set(sys.modules))\n"
    )
    args = [sys.executable, "-c", check, str(cache)]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "cached", "True"]


def test_without_a_file_shiboken_compiles_as_always() -> None:
    status, compiled, works = probe(None)
    assert (status, works) == ("compiled", "True")
    assert int(compiled) >= 13


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    damaged = tmp_path / qt_code.FILE_NAME
    damaged.write_bytes(b"\x00not marshal data")
    assert qt_code.read_cache(damaged) == ({}, {})
    assert probe(damaged)[0::2] == ["compiled", "True"]


def test_code_of_another_python_is_ignored(cache: Path, tmp_path: Path) -> None:
    header, code, patterns = marshal.loads(cache.read_bytes())
    kind, tag, version, optimize = header
    assert qt_code.read_cache(cache) != ({}, {})
    other = tmp_path / qt_code.FILE_NAME
    for foreign in ((kind, "cpython-39", 0x30900F0, optimize), (kind, tag, version, 2)):
        other.write_bytes(marshal.dumps((foreign, code, patterns)))  # another Python, or -OO
        assert qt_code.read_cache(other) == ({}, {})


def test_a_module_whose_source_changed_is_compiled(cache: Path, tmp_path: Path) -> None:
    code, patterns = qt_code.read_cache(cache)
    key = next(key for key in code if key[0] == "shibokensupport/signature/parser.py")
    source, compiled = code[key]
    code[key] = (source + b"\n# another version\n", compiled)
    changed = tmp_path / qt_code.FILE_NAME
    qt_code.write_cache(changed, (code, patterns))
    assert probe(changed) == ["partly-cached", "1", "True"]


def test_a_damaged_regular_expression_is_compiled_again(cache: Path, tmp_path: Path) -> None:
    code, patterns = qt_code.read_cache(cache)
    key = max(patterns, key=lambda k: len(k[0]))  # the signature parser's brace tower
    pattern, flags, program, *rest = patterns[key]
    patterns[key] = (pattern, flags, program[: len(program) // 2], *rest)  # code cut short
    changed = tmp_path / qt_code.FILE_NAME
    qt_code.write_cache(changed, (code, patterns))
    assert probe(changed) == ["partly-cached", "1", "True"]


def _call_from(module_source: str, stand_in: object) -> object:
    """Call `stand_in` as compile() from a module with `module_source`'s __future__ lines."""
    namespace: dict[str, object] = {"compile_": stand_in}
    exec(
        compile(
            module_source + "\ndef call(s, f):\n    return compile_(s, f, 'exec')\n",
            "m",
            "exec",
            dont_inherit=True,
        ),
        namespace,
    )
    return namespace["call"]


ANNOTATIONS = 0x1000000  # CO_FUTURE_ANNOTATIONS


@pytest.mark.parametrize("future", ["", "from __future__ import annotations"])
@pytest.mark.parametrize("filename", ["shibokensupport/x.py", "elsewhere.py"])
def test_the_caller_s_future_statements_apply_as_with_compile(future: str, filename: str) -> None:
    stand_in = qt_code._CachingCompile({})
    call = _call_from(future, stand_in)
    code = call("x: undefined_name = 1", filename)  # type: ignore[operator]
    expected = compile(
        "x: undefined_name = 1", filename, "exec", ANNOTATIONS if future else 0, True
    )
    assert code.co_flags & ANNOTATIONS == expected.co_flags & ANNOTATIONS
    assert bool(code.co_flags & ANNOTATIONS) == bool(future)
    kept = filename.startswith("shibokensupport/")
    assert len(stand_in.compiled) == (1 if kept else 0)


def test_kept_code_is_reused_only_for_the_same_source_and_flags() -> None:
    stand_in = qt_code._CachingCompile({})
    call = _call_from("", stand_in)
    first = call("a = 1", "shibokensupport/a.py")  # type: ignore[operator]
    again = qt_code._CachingCompile(stand_in.compiled)
    assert _call_from("", again)("a = 1", "shibokensupport/a.py") is first  # type: ignore[operator]
    assert _call_from("", again)("a = 2", "shibokensupport/a.py") is not first  # type: ignore[operator]
    future = _call_from("from __future__ import annotations", again)
    assert future("a = 1", "shibokensupport/a.py") is not first  # type: ignore[operator]
    assert again.reused == 1


def test_modules_imported_after_shiboken_are_not_read() -> None:
    # shiboken's __feature__ support would read each new module's source (inspect.getsource).
    code = (
        "import inspect, sys\n"
        "from fieldguide import qt_code\n"
        "qt_code.import_shiboken(None)\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError('a source was read')\n"
        "inspect.getsource = refuse\n"
        "import fractions, fieldguide.navigation\n"
        "from PySide6.QtCore import QSize\n"
        "print(QSize(2, 3).width())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2"]


def test_field_guide_never_switches_pyside_features() -> None:
    # qt_code takes every module to be one that does not use __feature__: keep it true.
    src = Path(qt_code.__file__).parent
    switch = re.compile(r"^\s*(from __feature__ import|import __feature__)", re.MULTILINE)
    users = [p for p in src.rglob("*.py") if switch.search(p.read_text(encoding="utf-8"))]
    assert users == []


def test_without_the_private_regex_compiler_shiboken_still_starts(cache: Path) -> None:
    """Should a later Python move re._compiler, the kept modules are still used, and regular
    expressions are compiled as usual."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from fieldguide import qt_code\n"
        "qt_code._compiler = qt_code._sre = None  # as if re had no _compiler\n"
        "qt_code.import_shiboken(Path(sys.argv[1]))\n"
        "from PySide6.QtCore import QSize\n"
        "print(qt_code.last_status, QSize(2, 3).width())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-c", code, str(cache)]
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["cached", "2"]
