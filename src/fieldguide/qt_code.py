"""Start PySide6 without redoing its start-up work: shiboken's support code, prepared at build time.

Each time `shiboken6` is imported it compiles the Python source of its support modules
(`shibokensupport`: signatures, error messages, `__feature__`, ~150 KB carried inside its library)
and, as those run, builds large regular expressions: together ~200 M instructions, a third of a
bare PySide6 window's whole start, the same at every start. `python -m fieldguide.qt_code FILE`
(run by build.py with the Python of the bundle) keeps the compiled code and the regular
expressions' compiled form; the program, started from the bundle, hands them over instead.

Safe by construction: a module is taken from the file only when its source is byte for byte the
one that was compiled (the file keeps it to compare), a regular expression only for the very same
pattern and flags, and only on the same Python; anything else (no file, a damaged one, another
PySide6 or Python) is compiled as usual. What is handed over is what the same calls gave at build
time. Only shiboken's own start goes this way, with the two standard modules in
PREPARED_MODULES: compile() and the regular-expression compiler are put back as soon as
`import shiboken6` returns.
"""

from __future__ import annotations
import __future__

import builtins
import marshal
import re
import sys
from pathlib import Path
from types import CodeType
from typing import Any, Literal

# The regular-expression compiler that re.compile() calls, and the C module it hands code to
# (private parts of the standard library, there in Python 3.11 to 3.14; should a later Python
# move them, regular expressions are compiled as usual).
_compiler: Any = re.__dict__.get("_compiler")
_sre: Any = getattr(_compiler, "_sre", None)

FILE_NAME = "qt-support-code.bin"
# Standard modules the reader imports before its first paint that build regular expressions as
# they load (logging's format checks, json's scanner): ~10 M instructions, 1.5% of the start.
# Imported first, under the same hand-over, so their expressions come from the file too.
PREPARED_MODULES = ("logging", "json")
_PREFIX = "shibokensupport/"  # the file names shiboken compiles its support modules under
_KIND = "fieldguide qt support code"

Status = Literal["cached", "partly-cached", "compiled", "nothing-compiled", "already-imported"]
Key = tuple[str, int]  # file name, the __future__ flags compile() took over from its caller
Entry = tuple[bytes, CodeType]  # the source, and its code
Pattern = tuple[Any, int]  # a regular expression and its flags
Compiled = tuple[Any, ...]  # what the compiler passed to _sre.compile() for it
Kept = tuple[dict[Key, Entry], dict[Pattern, Compiled]]

# How the last import_shiboken() went (the self-test reports it).
last_status: Status | None = None
# Those of PREPARED_MODULES already imported when it began (their expressions were compiled
# as usual): none in the bundle, whose runtime hook calls it first.
imported_before: tuple[str, ...] = ()

# The flags of __future__ statements, which compile() takes over from its caller (PyCF_MASK).
# Not nested_scopes: its flag is CO_NESTED, which every nested function carries.
_FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    if _name != "nested_scopes":
        _FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag


def _header() -> tuple[str, str, int, int]:
    """What the code in a file is valid for: this file's kind and this very Python, run at the
    same optimization level (-O changes what compile() makes)."""
    return (_KIND, sys.implementation.cache_tag or "", sys.hexversion, sys.flags.optimize)


def _bytes(source: bytes | str) -> bytes:
    return source.encode("utf-8") if isinstance(source, str) else source


def read_cache(path: Path | None) -> Kept:
    """What `path` keeps; nothing when there is no file or it does not fit this Python."""
    if path is None:
        return {}, {}
    try:
        header, code, patterns = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}  # missing or damaged: shiboken compiles, as it always did
    if header != _header() or not isinstance(code, dict) or not isinstance(patterns, dict):
        return {}, {}
    return code, patterns


def write_cache(path: Path, kept: Kept) -> None:
    """Keep `kept` in `path` for this Python (a regular expression marshal cannot keep is left
    out: it is compiled at each start, as before)."""
    code, patterns = kept
    keepable = {}
    for key, compiled in patterns.items():
        try:
            marshal.dumps((key, compiled))
        except ValueError:
            continue
        keepable[key] = compiled
    path.write_bytes(marshal.dumps((_header(), code, keepable)))


class _CachingCompile:
    """Stands in for compile() while shiboken starts: its support modules come from `table`."""

    def __init__(self, table: dict[Key, Entry]) -> None:
        self.table = table
        self.compiled: dict[Key, Entry] = {}
        self.reused = 0
        self.real = builtins.compile

    def __call__(self, source: object, filename: object, mode: str, *args: Any, **kw: Any) -> Any:
        # compile() applies its caller's __future__ statements: the caller is shiboken's
        # bootstrap, one frame up, not this method.
        inherited = sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        if (
            args
            or kw
            or mode != "exec"
            or not isinstance(filename, str)
            or not filename.startswith(_PREFIX)
            or not isinstance(source, (bytes, str))
        ):
            return self._compile(inherited, source, filename, mode, *args, **kw)
        key, data = (filename, inherited), _bytes(source)
        entry = self.table.get(key)
        if (
            isinstance(entry, tuple)
            and len(entry) == 2
            and entry[0] == data
            and isinstance(entry[1], CodeType)
        ):
            self.reused += 1
            return entry[1]
        code = self._compile(inherited, source, filename, mode)
        self.compiled[key] = (data, code)
        return code

    def _compile(
        self,
        inherited: int,
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **kw: Any,
    ) -> Any:
        """compile() exactly as the caller asked, with the caller's own __future__ flags."""
        if not dont_inherit:
            flags |= inherited
        return self.real(source, filename, mode, flags, True, optimize, **kw)


class _CachingRegex:
    """Stands in for the regular-expression compiler while shiboken starts."""

    def __init__(self, table: dict[Pattern, Compiled]) -> None:
        self.table = table
        self.compiled: dict[Pattern, Compiled] = {}
        self.reused = 0
        self.real = getattr(_compiler, "compile", None)

    def __call__(self, pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:
            return self.real(pattern, flags)
        key = (pattern, int(flags))
        kept = self.table.get(key)
        if isinstance(kept, tuple):
            try:
                compiled = _sre.compile(*kept)
            except Exception:
                pass
            else:
                self.reused += 1
                return compiled
        made: list[Compiled] = []
        sre_compile = _sre.compile

        def record(*args: Any) -> Any:
            made.append(args)
            return sre_compile(*args)

        _compiler._sre.compile = record
        try:
            compiled = self.real(pattern, flags)
        finally:
            _compiler._sre.compile = sre_compile
        if len(made) == 1:
            self.compiled[key] = _plain(made[0])
        return compiled


def _plain(value: Any) -> Any:
    """`value` in plain types that marshal keeps (the compiler's opcodes are int subclasses)."""
    if isinstance(value, bool) or value is None or isinstance(value, (str, bytes)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value  # anything else: marshal refuses it when the file is written


def import_shiboken(cache: Path | None) -> Kept:
    """Import shiboken6 (which PySide6 imports first) with the support code in `cache`.
    Returns what it had to compile (all of it when there is no cache)."""
    global last_status, imported_before
    if "shiboken6" in sys.modules:
        last_status = last_status or "already-imported"  # keep how the first import went
        return {}, {}
    imported_before = tuple(name for name in PREPARED_MODULES if name in sys.modules)
    code, patterns = read_cache(cache)
    compile_ = _CachingCompile(code)
    regex = _CachingRegex(patterns)
    builtins.compile = compile_
    if _sre is not None:
        _compiler.compile = regex
    try:
        for name in PREPARED_MODULES:
            __import__(name)  # (nothing to do if already imported)
        import shiboken6  # noqa: F401  (compiles shibokensupport as it starts)
    finally:
        builtins.compile = compile_.real
        if _sre is not None:
            _compiler.compile = regex.real
    _read_no_sources()
    reused = compile_.reused + regex.reused
    compiled = len(compile_.compiled) + len(regex.compiled)
    if reused:
        last_status = "partly-cached" if compiled else "cached"
    else:
        last_status = "compiled" if compiled else "nothing-compiled"
    return compile_.compiled, regex.compiled


def _uses_no_feature(_module: object) -> bool:
    return False


def _read_no_sources() -> None:
    """shiboken's `__feature__` support reads the source of every module imported after it
    (inspect.getsource) to see whether it mentions PySide6: ~0.3 M instructions a module, ~100
    modules before the first paint; in the bundle, which has no sources, it fails the long way
    to the answer "no". The answer only matters to a program that switches features with
    `from __feature__ import ...`, which Field Guide never does (a test keeps it so): every
    module is taken to be one that does not use PySide6, as the bundle concluded anyway."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature.__dict__["_mod_uses_pyside"] = _uses_no_feature


def bundled_cache() -> Path:
    """Where the bundle keeps the compiled support code."""
    from fieldguide.paths import resources_dir

    return resources_dir() / FILE_NAME


def main(argv: list[str]) -> int:
    """`python -m fieldguide.qt_code FILE`: compile shiboken's support code into FILE."""
    if len(argv) != 1:
        print("usage: python -m fieldguide.qt_code FILE", file=sys.stderr)
        return 2
    code, patterns = import_shiboken(None)
    if not code:
        print("shiboken6 compiled no support modules: nothing to keep", file=sys.stderr)
        return 1
    write_cache(Path(argv[0]), (code, patterns))
    print(
        f"kept the compiled code of {len(code)} shiboken support modules and "
        f"{len(patterns)} regular expressions in {argv[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
