"""The index file's schema: FTS5 table, catalog, vocabulary, synonyms and metadata."""

from __future__ import annotations

import sqlite3

# Bump when the tables, the tokenizer, the weights or the way text is indexed change: an index
# with another version is rebuilt.
SCHEMA_VERSION = 1

# FTS5 columns, in order, with their bm25 weights: a match in the title counts most.
COLUMNS = ("title", "keywords", "summary", "headings", "body")
WEIGHTS = (12.0, 8.0, 4.0, 3.0, 1.0)
BODY_COLUMN = COLUMNS.index("body")
SUMMARY_COLUMN = COLUMNS.index("summary")
# The same columns without the body, in a table of their own: its word lists are short, so a
# query for very common words is ranked there first in a big library (see searcher.py).
HEAD_COLUMNS = COLUMNS[:BODY_COLUMN]
HEAD_WEIGHTS = WEIGHTS[:BODY_COLUMN]
# Separates the article slugs, titles and summaries that the topics table keeps in one string
# each: the catalog of 20,000 articles then loads as a few hundred rows. Never in indexed text.
UNIT = "\x1f"
TOKENIZER = "porter unicode61 remove_diacritics 2"

DDL = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE topics(
    position INTEGER PRIMARY KEY,       -- depth-first order of the topic tree
    slug TEXT NOT NULL UNIQUE,          -- folder path; '' for the library root
    parent TEXT,                        -- slug of the parent topic; NULL for the root
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    ord INTEGER NOT NULL,
    article_slugs TEXT NOT NULL,        -- the topic's articles in reading order, UNIT-separated
    article_titles TEXT NOT NULL,       -- their titles, same order
    article_summaries TEXT NOT NULL     -- their summaries, same order
);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,             -- = fts rowid; catalog order (tree order, then order)
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    topic TEXT NOT NULL,                -- slug of the topic the article is in
    ord INTEGER NOT NULL,
    path TEXT NOT NULL                  -- file path relative to the library root
);
CREATE VIRTUAL TABLE fts USING fts5({", ".join(COLUMNS)}, tokenize='{TOKENIZER}');
CREATE VIRTUAL TABLE fts_head USING fts5(
    {", ".join(HEAD_COLUMNS)}, content='', tokenize='{TOKENIZER}'
);
CREATE TABLE words(word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE synonyms(phrase TEXT NOT NULL, term TEXT NOT NULL, kind TEXT NOT NULL);
"""

META_KEYS = (
    "schema_version",
    "content_hash",
    "library_id",
    "library_title",
    "home",
    "language",
    "version",
    "publisher",
    "article_count",
)


def create(conn: sqlite3.Connection) -> None:
    """Create the tables in an empty database and store the ranking."""
    conn.executescript(DDL)
    for table, weights in (("fts", WEIGHTS), ("fts_head", HEAD_WEIGHTS)):
        rank = "bm25(" + ", ".join(str(w) for w in weights) + ")"
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('rank', ?)", (rank,))


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """The metadata table as a dict (raises sqlite3.Error when the file is no index)."""
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}
