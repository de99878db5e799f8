"""PyInstaller runtime hook: start shiboken6 on its support code compiled at build time.

Custom runtime hooks run before PyInstaller's own, and its PySide6 hook imports PySide6, which
imports shiboken6: the compiled code must be handed over before that (fieldguide/qt_code.py).
"""

import gc

# No cyclic garbage collection during the start (it frees next to nothing then): the reader
# turns it on after its first paint, the other commands as they begin (fieldguide.cli).
gc.disable()
try:
    import sys
    from pathlib import Path

    from fieldguide import qt_code

    # The bundle's resources/ folder (fieldguide.spec), found without fieldguide.paths, which
    # imports logging: logging's expressions are among those the file keeps.
    qt_code.import_shiboken(Path(sys._MEIPASS) / "resources" / qt_code.FILE_NAME)
except Exception:  # PySide6 then starts the usual way, only slower; --self-test says so
    pass  # ("qt_support_code" is not "cached"), and the smoke test fails
