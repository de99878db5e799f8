"""Reading YAML safely: safe-loader semantics, plus duplicate keys and line numbers as problems.

The loader class derives from PyYAML's SafeLoader (its C twin when libyaml is there), so it builds
only plain data (strings, numbers, dates, lists, mappings) exactly as `yaml.safe_load` does. It adds
two things `safe_load` cannot give: the keys written twice, and the line every value came from.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from fieldguide.library.problems import ProblemLog, quoted

try:
    from yaml import CSafeLoader as _SafeBase
except ImportError:  # PyYAML built without libyaml: the same rules, slower
    from yaml import SafeLoader as _SafeBase  # type: ignore[assignment]

log = logging.getLogger(__name__)

_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class Duplicate:
    """A key written twice in the same mapping; the later value is the one used."""

    key: str
    line: int  # 1-based line in the file
    top_level: bool


class _StrictLoader(_SafeBase):
    """SafeLoader that also notes duplicate keys and turns impossible dates into YAML errors."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.top: yaml.Node | None = None
        self.duplicates: list[tuple[str, int, bool]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        if not isinstance(node, yaml.MappingNode):  # "!!set word": let PyYAML say what is wrong
            return super().construct_mapping(node, deep)
        seen: set[object] = set()
        for key_node, _value in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
                continue
            key = self.construct_object(key_node)
            try:
                if key in seen:
                    self.duplicates.append((str(key), key_node.start_mark.line, node is self.top))
                seen.add(key)
            except TypeError:  # unhashable: PyYAML reports it below
                pass
        return super().construct_mapping(node, deep)

    def construct_date(self, node: yaml.ScalarNode) -> object:
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError as exc:  # "2026-02-30": the shape of a date, but no such day
            raise ConstructorError(
                None, None, f"{quoted(node.value)} is not a real date", node.start_mark
            ) from exc

    def construct_int(self, node: yaml.ScalarNode) -> object:
        try:
            value = self.construct_yaml_int(node)
        except ValueError as exc:  # more digits than Python converts
            raise ConstructorError(None, None, "a number is far too long", node.start_mark) from exc
        if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
            raise ConstructorError(None, None, "a number is far too long", node.start_mark)
        return value


_MAX_INT_BITS = 256  # larger numbers mean nothing here and are slow to print
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_date)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_int)


@dataclass
class YamlDoc:
    """A parsed YAML text: its data and enough of its node tree to say where each value was."""

    data: object
    first_line: int  # line of the file on which the YAML text starts
    node: yaml.Node | None = None
    duplicates: list[Duplicate] = field(default_factory=list)

    def line(self, path: Sequence[str | int] = ()) -> int | None:
        """The 1-based file line of a value: a path of mapping keys and list positions.

        For a mapping key the line of the key is given, so `line(("title",))` is the line that
        starts with `title:`. None when the path is not in the text.
        """
        node = self.node
        if node is None:
            return None
        line = node.start_mark.line
        for step in path:
            if isinstance(step, int) and isinstance(node, yaml.SequenceNode):
                if not 0 <= step < len(node.value):
                    return None
                node = node.value[step]
                line = node.start_mark.line
            elif isinstance(step, str) and isinstance(node, yaml.MappingNode):
                for key_node, value_node in reversed(node.value):  # the last one wins
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == step:
                        node, line = value_node, key_node.start_mark.line
                        break
                else:
                    return None
            else:
                return None
        return line + self.first_line


def parse_yaml(
    text: str, file: str, problems: ProblemLog, *, first_line: int = 1
) -> YamlDoc | None:
    """Parse `text` (which starts on `first_line` of `file`); None, with a problem, if it is bad."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        loader.top = node
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # libyaml puts "unexpected end" one line past the text: keep the line inside the file
        last = first_line + text.count("\n")
        line = min(mark.line + first_line, last) if mark is not None else None
        problems.error(file, line, "bad-yaml", _yaml_message(exc.problem or str(exc), line))
        return None
    except yaml.YAMLError as exc:
        problems.error(file, None, "bad-yaml", _yaml_message(str(exc), None))
        return None
    except RecursionError:
        problems.error(file, None, "bad-yaml", "The settings are nested too deeply to be read.")
        return None
    finally:
        loader.dispose()
    duplicates = [Duplicate(k, ln + first_line, top) for k, ln, top in loader.duplicates]
    return YamlDoc(data, first_line, node, duplicates)


def report_duplicates(doc: YamlDoc, file: str, problems: ProblemLog) -> None:
    """Report every duplicate key of `doc` as a `duplicate-key` error."""
    for dup in doc.duplicates:
        problems.error(
            file,
            dup.line,
            "duplicate-key",
            f"The name {quoted(dup.key)} is written twice here; only this later one is used. "
            "Delete one of them.",
        )


def _yaml_message(problem: str, line: int | None) -> str:
    where = f"near line {line}" if line is not None else "in this file"
    hint = (
        "Use spaces, not tabs, at the start of lines."
        if "tab character" in problem or "'\\t'" in problem
        else "Each line should look like 'name: value'; put text that contains ': ' or ' #' "
        "in quotes, and indent list items with spaces."
    )
    return f"The settings {where} could not be read ({' '.join(problem.split())}). {hint}"
