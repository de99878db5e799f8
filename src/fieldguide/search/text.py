"""Text rules shared by the index and the queries: folding, words, stop words, highlight marks."""

from __future__ import annotations

import html
import re
import unicodedata

# Private-use characters that FTS5's snippet() puts around matched words. They are stripped from
# every indexed text first, so a document can never fake a highlight.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
ELLIPSIS = "\u2026"

# FTS5's unicode61 tokenizer: letters, numbers and private-use characters make words, everything
# else separates them. The same rule here keeps our vocabulary in step with the index. The mark
# characters above are private-use too, which is why they are removed before indexing.
_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile(f"[{MARK_OPEN}{MARK_CLOSE}]")
# Everything that is not text a reader typed: control characters (NUL included), surrogates.
_JUNK = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

# The same rule for ASCII text, done faster: every ASCII character that is not a letter or a
# digit becomes a space, then the text is split.
_ASCII_SEPARATORS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})

# Longest query text we look at (a reader's query is a few words; the rest is ignored).
MAX_QUERY_CHARS = 256
MAX_QUERY_WORDS = 16
MAX_WORD_CHARS = 40

# Words that carry no topic in a reader's question ("how long does withdrawal last").
_STOPWORDS = """
    a about after again all am an and any are as at be been before being but by can could did do
    does doing for from get got had has have having he her here hers him his how i if in into is
    it its just me more most my no nor not now of off on once only or other our out over own
    same she should so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why will
    with would you your yours im ive dont cant isnt whats hows
"""
STOPWORDS = frozenset(_STOPWORDS.split())


def clean(text: str) -> str:
    """Text without control characters, surrogates and highlight marks (safe to index)."""
    if text.isprintable():  # the usual case, and quick: marks, controls, surrogates are not
        return text
    return _MARKS.sub("", _JUNK.sub(" ", text))


def fold(text: str) -> str:
    """Text as the index compares it: case-folded, without diacritics ("Café" -> "cafe").

    >>> fold("Naloxóne")
    'naloxone'
    """
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of a text, in order, split as FTS5's unicode61 tokenizer splits them.

    >>> words("7-OH: dope-sick, Kratóm!")
    ['7', 'oh', 'dope', 'sick', 'kratom']
    """
    folded = fold(text)
    if folded.isascii():
        return folded.translate(_ASCII_SEPARATORS).split()
    return _WORD.findall(folded)


def marks_to_html(text: str) -> str:
    """HTML-escape a snippet, then turn the highlight marks into <b>…</b>.

    >>> marks_to_html("a <script> \ue000kratom\ue001 & more")
    'a &lt;script&gt; <b>kratom</b> &amp; more'
    """
    escaped = html.escape(text, quote=False)
    return escaped.replace(MARK_OPEN, "<b>").replace(MARK_CLOSE, "</b>")


def marked_words(text: str) -> list[str]:
    """The words between highlight marks, in order of appearance."""
    found: list[str] = []
    start = text.find(MARK_OPEN)
    while start != -1:
        end = text.find(MARK_CLOSE, start + 1)
        if end == -1:
            break
        word = text[start + 1 : end].strip()
        if word:
            found.append(word)
        start = text.find(MARK_OPEN, end + 1)
    return found
