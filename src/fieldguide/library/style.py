"""The article view's style sheet: without Markdown, so that the window can open before it."""

from __future__ import annotations

# A light theme for QTextDocument.setDefaultStyleSheet (Qt's rich-text CSS subset). Classes the
# view may style: table.box / td.box with .danger or .note, p.box-title, table.data, a.term,
# a.external, a.broken and span.broken, span.missing-image, p.render-failed; and for the end of
# each article (library/service.py): div.sources, ol.sources, span.source-title, p.reviewed.
# No italics in what every page shows: slanted letters are harder to read (plain-language
# advice), and one more font face to load costs the first paint ~5 M instructions.
DEFAULT_CSS = """
h1, h2, h3, h4 { color: #1f3a5f; }
a { color: #0b57a4; }
a.external { color: #0b57a4; }
a.term { color: #1d5c3a; text-decoration: underline; }
a.broken, span.broken { color: #b3261e; }
span.missing-image, p.render-failed { color: #b3261e; font-style: italic; }
table.box { border-style: solid; border-collapse: collapse; margin-top: 10px; margin-bottom: 10px; }
table.danger { border-color: #b3261e; }
td.danger { background-color: #fdecea; color: #1b1b1b; }
table.danger p.box-title { color: #8c1d18; }
table.note { border-color: #2b6cb0; }
td.note { background-color: #eaf2fb; color: #1b1b1b; }
table.note p.box-title { color: #1f3a5f; }
table.data { border-color: #9aa5b1; border-collapse: collapse; margin-top: 8px; }
th { background-color: #eef1f4; }
div.sources { margin-top: 12px; }
ol.sources { margin-top: 4px; }
p.reviewed { color: #3d4853; }
"""
