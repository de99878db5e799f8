"""Nothing from an article reaches the view as markup except what the renderer makes itself."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from render_support import article, make_library, write_png

from fieldguide.library import sanitize
from fieldguide.library.model import GlossaryTerm
from fieldguide.library.render import Renderer


class Markup(HTMLParser):
    """Collect every start tag with its (unescaped) attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_safe(html: str, root: Path | None = None) -> None:
    lowered = html.lower()
    for bad in ("<script", "<iframe", "<object", "<embed", "<style", "<svg", "<form", "<!--"):
        assert bad not in lowered, bad
    parser = Markup()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in sanitize.TAGS, tag
        for name, value in attrs:
            value = value or ""
            assert not name.startswith("on"), (tag, name)
            assert name != "style", tag
            assert "javascript:" not in value.lower().replace(" ", ""), (tag, name, value)
            scheme = urlsplit(value).scheme.lower() if name in ("href", "src") else ""
            if name == "href":
                assert tag == "a"
                assert scheme in sanitize.LINK_SCHEMES or value.startswith("#"), value
            if name == "src":
                assert tag == "img" and scheme == "file", value
                if root is not None:
                    assert value.startswith(root.resolve().as_uri() + "/"), value


@pytest.mark.parametrize(
    "html",
    [
        "<script>x</script>",
        '<a href="javascript:x">y</a>',
        '<a href="data:x">y</a>',
        '<p onclick="x">y</p>',
        '<img src="http://evil.example/x.png">',
        '<img src="file:///etc/passwd">',
        "<blink>y</blink>",
    ],
)
def test_the_checker_catches_markup(html: str, tmp_path: Path) -> None:
    with pytest.raises(AssertionError):
        assert_safe(html, tmp_path)


ATTACKS = [
    "<script>alert(1)</script>",
    "Text <script>alert(1)</script> inline",
    "<iframe src='https://evil.example'></iframe>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    '<p onclick="alert(1)">hi</p>',
    '<div onmouseover="alert(1)">hi</div>',
    '<img src="http://evil.example/x.png">',
    "![x](http://evil.example/x.png)",
    "![x](https://evil.example/x.png)",
    "![x](//evil.example/x.png)",
    "<style>body { display: none }</style>",
    '<object data="x.swf"></object>',
    "<embed src=x>",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    "[x](file:///etc/passwd)",
    "![x](file:///etc/passwd)",
    "[x](vbscript:msgbox(1))",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    '[x](https://ok.example "\\" onmouseover=\\"alert(1)")',
    "[x](https://ok.example \"a' onmouseover='alert(1)\")",
    "## <img src=x onerror=alert(1)>",
    "<!-- comment --> <![CDATA[ x ]]>",
    "<javascript:alert(1)>",
    "<https://ok.example/?a=<script>>",
    "| <script>alert(1)</script> |\n|---|\n| <iframe> |",
    '!!! danger "<script>alert(1)</script>"\n    <img src=x onerror=alert(1)>',
    "`<script>` and\n\n    <script>alert(1)</script>",
    "[x](<javascript:alert(1)>)",
    "[![x](http://evil.example/x.png)](javascript:alert(1))",
]


@pytest.fixture(scope="module")
def renderer(tmp_path_factory: pytest.TempPathFactory) -> Renderer:
    root = tmp_path_factory.mktemp("library")
    write_png(root / "images" / "ok.png", 10, 10)
    terms = (GlossaryTerm("alert", '<script>alert(1)</script>" onmouseover="alert(1)'),)
    return Renderer(make_library(root, article("a/b", "## Top\n\nText."), glossary=terms))


@pytest.mark.parametrize("source", ATTACKS)
def test_attack_does_not_survive_as_markup(renderer: Renderer, source: str) -> None:
    result = renderer.render_markdown(source, path="a/c.md")
    assert_safe(result.html, renderer.library.root)
    assert all(p.code != "render-failed" for p in result.problems)


def test_removed_things_are_reported(renderer: Renderer) -> None:
    result = renderer.render_markdown("[x](javascript:alert(1)) ![y](http://evil.example/y.png)")
    assert [p.code for p in result.problems] == ["unsafe-link", "remote-image"]


def test_raw_html_is_shown_as_text(renderer: Renderer) -> None:
    html = renderer.render_markdown("<b>bold</b> and <script>x</script>").html
    assert "&lt;b&gt;bold&lt;/b&gt; and &lt;script&gt;x&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ('<a href="file:///etc/passwd">x</a>', "<a>x</a>"),
        ('<img src="https://evil.example/x.png">', "<img>"),
        ('<img src="article:a">', "<img>"),
        ('<a href="term:x" onclick="y">x</a>', '<a href="term:x">x</a>'),
        ('<table width="100%" border="x"><tr><td>1</td></tr></table>', '<table width="100%">'),
        ("<p style='color:red'>x</p><style>p{}</style>", "<p>x</p>"),
        ("<script>alert(1)</script>ok", "ok"),
    ],
)
def test_sanitizer_allow_list(dirty: str, clean: str) -> None:
    assert clean in sanitize.clean(dirty)


FRAGMENTS = st.sampled_from(
    [
        "[", "]", "(", ")", "![", "](", "<", ">", "\"", "'", "&", "&#", "&lt;", "#", ";", "\n",
        "\n\n", "    ", "`", "*", "|", "---", "!!! danger", "!!! note \"", "javascript:",
        "JaVaScRiPt:", "data:", "file:", "http://evil.example/", "//evil.example", "onerror=",
        " onload=", "<script>", "</script>", "<img src=", "<iframe", "<svg", "<a href=", "alert",
        "../", "../../", ".md", "#top", "x.png", "images/ok.png", "\t", "\x00", "\u2028", "é",
    ]
)  # fmt: skip
MARKDOWNISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(source=st.one_of(st.text(), MARKDOWNISH))
def test_any_text_renders_safely(renderer: Renderer, source: str) -> None:
    result = renderer.render_markdown(source, path="a/c.md")
    assert_safe(result.html, renderer.library.root)
    assert all(p.code != "render-failed" for p in result.problems)
