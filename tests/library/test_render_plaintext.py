"""Plain text of an article: what a reader sees, without markup."""

from __future__ import annotations

import threading

from hypothesis import given, settings
from hypothesis import strategies as st
from render_support import article

from fieldguide.library.render import markdown_text, plain_text


def test_blocks_become_paragraphs_and_markup_goes() -> None:
    body = (
        "# Title\n\nSome **bold** and *soft* words,\nover two lines. See [the signs](signs.md).\n\n"
        '!!! danger "Get help"\n    Call now.\n\n'
        "- one\n- two\n\n"
        "| Sign | Help |\n|---|---|\n| Sweats | Cool cloth |\n\n"
        "![A picture](../images/x.png)\n\n"
        "Tom &amp; Jerry &lt;b&gt; and <b>raw</b> `code` \\*stars\\*"
    )
    assert plain_text(article("a/b", body)).split("\n\n") == [
        "Title",
        "Some bold and soft words, over two lines. See the signs.",
        "Get help",
        "Call now.",
        "one",
        "two",
        "Sign Help",
        "Sweats Cool cloth",
        "Tom & Jerry <b> and <b>raw</b> code *stars*",
    ]


def test_empty_text() -> None:
    assert markdown_text("") == ""
    assert markdown_text("   \n\n") == ""


def test_mail_links_are_readable() -> None:
    assert markdown_text("Write to <me@example.org>.") == "Write to me@example.org."


def test_calls_do_not_leak_into_each_other() -> None:
    assert markdown_text("one") == "one"
    assert markdown_text("two") == "two"


def test_safe_from_worker_threads() -> None:
    results: dict[int, str] = {}

    def work(n: int) -> None:
        for _ in range(20):
            results[n] = markdown_text(f"Paragraph **{n}**.")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {n: f"Paragraph {n}." for n in range(4)}


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_text_without_markup_characters(source: str) -> None:
    text = markdown_text(source)
    assert "\x02" not in text and "\x03" not in text  # no Python-Markdown placeholders left
