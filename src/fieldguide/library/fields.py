"""Typed reading of 'name: value' settings, with a plain problem for each missing or wrong value."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Sequence

from fieldguide.library.problems import ProblemLog, quoted
from fieldguide.library.yamlread import YamlDoc

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]{1,18}")


class Fields:
    """The settings of one mapping in a YAML text (a file, a front matter, one source entry)."""

    def __init__(
        self,
        data: dict[str, object],
        doc: YamlDoc,
        file: str,
        problems: ProblemLog,
        *,
        where: str,
        path: Sequence[str | int] = (),
        top_line: int | None = None,
    ) -> None:
        self.data = data
        self.doc = doc
        self.file = file
        self.problems = problems
        self.where = where  # "the front matter", "source 'who-2009'", … (follows "In")
        self.path = tuple(path)  # where this mapping sits in the YAML text
        self.top_line = top_line  # the line for "this has no …" (default: the mapping's line)

    @classmethod
    def of(
        cls,
        value: object,
        doc: YamlDoc,
        file: str,
        problems: ProblemLog,
        *,
        where: str,
        path: Sequence[str | int] = (),
        top_line: int | None = None,
    ) -> Fields:
        """Settings from a parsed value; a wrong-type problem (and no settings) if not a mapping."""
        if value is None:
            return cls({}, doc, file, problems, where=where, path=path, top_line=top_line)
        if not isinstance(value, dict):
            problems.error(
                file,
                doc.line(path),
                "wrong-type",
                f"In {where}, the settings should be 'name: value' lines, but they are "
                f"{quoted(value)}.",
            )
            return cls({}, doc, file, problems, where=where, path=path, top_line=top_line)
        data = {str(key): item for key, item in value.items()}
        return cls(data, doc, file, problems, where=where, path=path, top_line=top_line)

    def line(self, key: str | None = None) -> int | None:
        """The line of `key` (or of this mapping) in the file."""
        return self.doc.line(self.path if key is None else (*self.path, key))

    def _wrong(self, key: str, value: object, wanted: str) -> None:
        self.problems.error(
            self.file,
            self.line(key),
            "wrong-type",
            f"In {self.where}, {quoted(key)} should be {wanted}, but is {quoted(value)}.",
        )

    def _missing(self, key: str, required: bool, example: str) -> None:
        what = f"There is no '{key}' in {self.where}"
        line = self.top_line if self.top_line is not None else self.line()
        if required:
            self.problems.error(
                self.file, line, "missing-field", f"{what}. Add a line like {example}."
            )
        else:
            self.problems.warning(
                self.file,
                line,
                "missing-recommended-field",
                f"{what}. It is not required, but please add a line like {example}.",
            )

    def present(self, key: str) -> bool:
        """True if `key` has a value (an empty value counts as absent)."""
        value = self.data.get(key)
        if isinstance(value, str):
            return bool(value.strip())
        return value is not None and value != [] and value != {}

    def text(
        self, key: str, *, required: bool = False, recommended: bool = False, example: str = ""
    ) -> str | None:
        """A text value; numbers are taken as text ("version: 2" is "2")."""
        value = self.data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if self.present(key) or isinstance(value, bool):
            self._wrong(key, value, "text")
        elif required or recommended:
            self._missing(key, required, example or f"'{key}: …'")
        return None

    def integer(self, key: str, *, example: int = 20) -> int | None:
        """A whole number."""
        value = self.data.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value.strip()):
            return int(value.strip())
        if self.present(key) or isinstance(value, bool):
            self._wrong(key, value, f"a whole number, like '{key}: {example}'")
        return None

    def date(self, key: str, *, recommended: bool = False) -> dt.date | None:
        """A date written as 2026-11-20."""
        value = self.data.get(key)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        if self.present(key) or isinstance(value, bool | int | float):
            self._wrong(key, value, f"a date written year-month-day, like '{key}: 2026-11-20'")
        elif recommended:
            self._missing(key, False, f"'{key}: 2026-11-20'")
        return None

    def text_list(
        self, key: str, *, recommended: bool = False, example: str = ""
    ) -> tuple[str, ...]:
        """A list of texts; a single text is reported and then taken as a list of one."""
        value = self.data.get(key)
        wanted = f"a list in square brackets, like {example or f'{key}: [first, second]'}"
        if (
            isinstance(value, str | int | float)
            and not isinstance(value, bool)
            and self.present(key)
        ):
            self._wrong(key, value, wanted)
            return (str(value).strip(),)
        if not isinstance(value, list):
            if self.present(key) or isinstance(value, bool):
                self._wrong(key, value, wanted)
            elif recommended:
                self._missing(key, False, example or f"'{key}: [first, second]'")
            return ()
        out: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, str | int | float) and not isinstance(item, bool):
                text = str(item).strip()
                if text and text not in out:
                    out.append(text)
            else:
                self.problems.error(
                    self.file,
                    self.doc.line((*self.path, key, index)),
                    "wrong-type",
                    f"In {self.where}, each entry of '{key}' should be a word or phrase, "
                    f"but one is {quoted(item)}.",
                )
        return tuple(out)

    def unknown(self, allowed: Iterable[str]) -> None:
        """Warn about names that nothing reads (usually a typing mistake)."""
        allowed = list(allowed)
        for key in self.data:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"Did you mean '{close[0]}'?" if close else f"Known names: {', '.join(allowed)}."
            self.problems.warning(
                self.file,
                self.line(key),
                "unknown-field",
                f"In {self.where}, the name {quoted(key)} is not used by Field Guide. {hint}",
            )
