"""The library's own files: library.yml (title, home…), sources.yml and glossary.yml."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from fieldguide.library.fields import Fields
from fieldguide.library.model import GlossaryTerm, Source
from fieldguide.library.problems import ProblemLog, quoted
from fieldguide.library.textfile import read_text
from fieldguide.library.yamlread import YamlDoc, parse_yaml, report_duplicates

log = logging.getLogger(__name__)

LIBRARY_FIELDS = ("title", "id", "language", "version", "home", "publisher")
SOURCE_FIELDS = ("title", "publisher", "authors", "year", "url")
GLOSSARY_FIELDS = ("definition", "aliases")
TOPIC_FIELDS = ("title", "order", "summary", "icon")


@dataclass(frozen=True)
class LibraryInfo:
    """What library.yml says; None where it says nothing usable."""

    title: str | None = None
    id: str | None = None
    language: str | None = None
    version: str | None = None
    home: str | None = None
    home_line: int | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class TopicInfo:
    """What a _topic.yml says."""

    title: str | None = None
    order: int = 0
    summary: str = ""


def _read(root: str, rel: str, problems: ProblemLog) -> YamlDoc | None:
    text = read_text(root, rel, problems)
    return None if text is None else parse_yaml(text, rel, problems)


def read_library_info(root: str, problems: ProblemLog) -> LibraryInfo:
    """Read library.yml (which exists)."""
    rel = "library.yml"
    doc = _read(root, rel, problems)
    if doc is None:
        return LibraryInfo()
    report_duplicates(doc, rel, problems)
    fields = Fields.of(doc.data, doc, rel, problems, where="this file", top_line=1)
    info = LibraryInfo(
        title=fields.text("title", required=True, example="'title: Opioid withdrawal and kratom'"),
        id=fields.text("id", recommended=True, example="'id: withdrawal-guide'"),
        language=fields.text("language"),
        version=fields.text("version"),
        home=fields.text("home", recommended=True, example="'home: start/welcome'"),
        home_line=fields.line("home"),
        publisher=fields.text("publisher"),
    )
    fields.unknown(LIBRARY_FIELDS)
    return info


def read_topic_info(root: str, rel: str, problems: ProblemLog) -> TopicInfo:
    """Read the _topic.yml at `rel` (which exists)."""
    doc = _read(root, rel, problems)
    if doc is None:
        return TopicInfo()
    report_duplicates(doc, rel, problems)
    fields = Fields.of(doc.data, doc, rel, problems, where="this file", top_line=1)
    readable = isinstance(doc.data, dict | None)
    info = TopicInfo(
        title=fields.text("title", recommended=readable, example="'title: Kratom'"),
        order=fields.integer("order") or 0,
        summary=fields.text("summary") or "",
    )
    fields.text("icon")
    fields.unknown(TOPIC_FIELDS)
    return info


def read_sources(root: str, problems: ProblemLog) -> dict[str, Source]:
    """Read sources.yml (which exists): source id -> Source."""
    rel = "sources.yml"
    doc = _read(root, rel, problems)
    if doc is None:
        return {}
    _report_top_duplicates(doc, rel, problems, "duplicate-source", "source id")
    top = Fields.of(doc.data, doc, rel, problems, where="this file")
    sources: dict[str, Source] = {}
    for source_id, entry in top.data.items():
        if isinstance(entry, str) and entry.strip():  # "id: Title" is enough for a start
            entry = {"title": entry}
        where = f"source {quoted(source_id)}"
        if entry is not None and not isinstance(entry, dict):
            Fields.of(entry, doc, rel, problems, where=where, path=(source_id,))  # reports it
            sources[source_id] = Source(id=source_id, title=source_id)  # articles may cite it
            continue
        fields = Fields.of(entry, doc, rel, problems, where=where, path=(source_id,))
        title = fields.text("title", required=True, example="'title: Opiate and opioid withdrawal'")
        publisher = fields.text("publisher")
        authors = _authors(fields)
        if not publisher and not authors:
            fields.text("publisher", recommended=True, example="'publisher: MedlinePlus'")
        year = fields.integer("year", example=2024)
        url = fields.text("url") or ""
        fields.unknown(SOURCE_FIELDS)
        sources[source_id] = Source(
            id=source_id,
            title=title or source_id,
            publisher=publisher or "",
            authors=authors,
            year=year,
            url=url,
        )
    return sources


def _authors(fields: Fields) -> str:
    """Authors as one line of text; a list of names is joined with commas."""
    if isinstance(fields.data.get("authors"), list):
        return ", ".join(fields.text_list("authors"))
    return fields.text("authors") or ""


def read_glossary(root: str, problems: ProblemLog) -> tuple[GlossaryTerm, ...]:
    """Read glossary.yml (which exists). A word may be defined only once, as a term or alias."""
    rel = "glossary.yml"
    doc = _read(root, rel, problems)
    if doc is None:
        return ()
    _report_top_duplicates(doc, rel, problems, "duplicate-term", "word")
    top = Fields.of(doc.data, doc, rel, problems, where="this file")
    taken: dict[str, str] = {}  # casefolded term or alias -> the term that defines it
    terms: list[GlossaryTerm] = []
    for term, entry in top.data.items():
        if isinstance(entry, str):  # "term: definition" is enough
            entry = {"definition": entry}
        where = f"the entry {quoted(term)}"
        fields = Fields.of(entry, doc, rel, problems, where=where, path=(term,))
        if entry is not None and not isinstance(entry, dict):
            continue  # reported as the wrong type
        definition = fields.text("definition", required=True, example="'definition: …'")
        aliases = fields.text_list("aliases")
        fields.unknown(GLOSSARY_FIELDS)
        key = term.strip().casefold()
        if not key or key in taken:
            if key:
                _duplicate_word(problems, rel, doc.line((term,)), term, taken[key])
            continue
        taken[key] = term
        kept: list[str] = []
        for index, alias in enumerate(aliases):
            alias_key = alias.casefold()
            if alias_key in taken:
                line = doc.line((term, "aliases", index)) or doc.line((term, "aliases"))
                _duplicate_word(problems, rel, line, alias, taken[alias_key])
                continue
            taken[alias_key] = term
            kept.append(alias)
        if definition:
            terms.append(
                GlossaryTerm(term=term.strip(), definition=definition, aliases=tuple(kept))
            )
    return tuple(terms)


def _duplicate_word(problems: ProblemLog, rel: str, line: int | None, word: str, by: str) -> None:
    problems.error(
        rel,
        line,
        "duplicate-term",
        f"The word {quoted(word)} is already explained under {quoted(by)} (capital letters do "
        "not count). Keep one explanation: delete this one or merge the two.",
    )


def _report_top_duplicates(
    doc: YamlDoc, rel: str, problems: ProblemLog, code: str, what: str
) -> None:
    """Duplicate keys at the top of sources.yml and glossary.yml get their own code."""
    for dup in doc.duplicates:
        if dup.top_level:
            problems.error(
                rel,
                dup.line,
                code,
                f"The {what} {quoted(dup.key)} is written twice; only this later entry is used. "
                "Delete or rename one of them.",
            )
        else:
            report_duplicates(YamlDoc(None, doc.first_line, duplicates=[dup]), rel, problems)
