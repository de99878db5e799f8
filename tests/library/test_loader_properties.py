"""Property tests: whatever is in a library file, loading never raises and gives a sound Library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loader_helpers import assert_well_formed, copy_fixture

from fieldguide.library.frontmatter import ARTICLE_FIELDS
from fieldguide.library.loader import load_library
from fieldguide.library.model import Library

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GENERATED = "withdrawal/generated.md"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_fixture("good", tmp_path_factory.mktemp("props") / "lib")


@contextmanager
def file_holding(root: Path, rel: str, data: bytes) -> Iterator[Path]:
    """`rel` holds `data` for the duration; then it is put back as it was."""
    path = root / rel
    before = path.read_bytes() if path.exists() else None
    path.write_bytes(data)
    try:
        yield path
    finally:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)


def line_count(data: bytes) -> int:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def load_and_check(root: Path, rel: str, data: bytes) -> Library:
    """Load with `rel` holding `data`; check the result and the lines of its problems."""
    with file_holding(root, rel, data):
        library = load_library(root)
    assert_well_formed(library)
    assert len(library.articles) >= 3  # the other articles load whatever this file holds
    for problem in library.problems:
        if problem.file == rel and problem.line is not None:
            assert problem.line <= line_count(data), problem
    return library


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_as_an_article(root: Path, text: str) -> None:
    load_and_check(root, GENERATED, text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_as_an_article(root: Path, data: bytes) -> None:
    load_and_check(root, GENERATED, data)


YAMLISH = st.sampled_from(
    [*ARTICLE_FIELDS, "other", ":", ": ", " ", "  ", "\n", "\n  ", "\n- ", "- ", "[", "]", "{", "}",
     ",", "'", '"', "&a ", "*a", "!!binary ", "!!python/object:os.system ", "!!set ", "!!str ",
     "<<: ", "? ", "\t", " #", "---", "...", "2026-01-15", "2026-02-30", "12", "-3", "1.5", "yes",
     "null", "~", "|", ">", "é", "\\", "%YAML 1.1", "0x1F", "1_000", "\r\n", "\x00", "\ufeff"]
)  # fmt: skip


@SETTINGS
@given(st.lists(YAMLISH, max_size=40).map("".join), st.text(max_size=40))
def test_yaml_like_front_matter(root: Path, front: str, body: str) -> None:
    text = f"---\n{front}\n---\n{body}"
    load_and_check(root, GENERATED, text.encode("utf-8", "surrogatepass"))


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats()
    | st.text(max_size=20)
    | st.dates()
    | st.datetimes()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=10,
)
KEYS = st.sampled_from(ARTICLE_FIELDS) | st.text(max_size=8)


@SETTINGS
@given(st.dictionaries(KEYS, VALUES, max_size=8))
def test_generated_front_matter(root: Path, fields: dict[str, object]) -> None:
    front = yaml.safe_dump(fields, allow_unicode=True)
    library = load_and_check(root, GENERATED, f"---\n{front}---\nBody.\n".encode())
    article = library.articles.get(GENERATED[:-3])
    if any(line.rstrip() in ("---", "...") for line in front.splitlines()):
        return  # the dump itself holds a line that ends the front matter early
    assert article is not None
    title = fields.get("title")
    if isinstance(title, str) and title.strip():
        assert article.title == title.strip()
    order = fields.get("order")
    if type(order) is int:
        assert article.order == order
    reviewed = fields.get("reviewed")
    if type(reviewed) is dt.date:
        assert article.reviewed == reviewed


@SETTINGS
@given(
    st.sampled_from(["library.yml", "sources.yml", "glossary.yml", "withdrawal/_topic.yml"]),
    st.binary(max_size=300) | st.lists(YAMLISH, max_size=40).map(lambda t: "".join(t).encode()),
)
def test_any_content_in_the_library_files(root: Path, rel: str, data: bytes) -> None:
    load_and_check(root, rel, data)
