"""Danger and note boxes: admonition syntax rendered as one-cell tables."""

from __future__ import annotations

from typing import Any, ClassVar

from markdown import Markdown
from markdown.test_tools import TestCase

from fieldguide.library.mdext import Notice, notices
from fieldguide.library.mdext.boxes import NOTICES, BoxExtension
from fieldguide.library.model import Severity


def box(kind: str, title: str, inner: str) -> str:
    return (
        f'<table border="2" cellpadding="10" cellspacing="0" class="box {kind}" width="100%">\n'
        f'<tr>\n<td class="box {kind}">\n<p class="box-title"><strong>{title}</strong></p>\n'
        f"{inner}\n</td>\n</tr>\n</table>"
    )


class TestBoxes(TestCase):
    default_kwargs: ClassVar[dict[str, Any]] = {"extensions": [BoxExtension()]}

    def test_danger_box_with_title(self) -> None:
        self.assertMarkdownRenders(
            '!!! danger "Get help right away"\n    Call if you have a seizure.',
            box("danger", "Get help right away", "<p>Call if you have a seizure.</p>"),
            expected_attrs={NOTICES: []},
        )

    def test_default_titles(self) -> None:
        self.assertMarkdownRenders(
            "!!! danger\n    Chest pain.", box("danger", "Danger signs", "<p>Chest pain.</p>")
        )
        self.assertMarkdownRenders(
            "!!! note\n    Drink water.", box("note", "Note", "<p>Drink water.</p>")
        )

    def test_inline_markup_in_title_and_body(self) -> None:
        self.assertMarkdownRenders(
            '!!! note "Call *now*"\n    - one\n    - two',
            box("note", "Call <em>now</em>", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        )

    def test_text_after_the_box_stays_outside(self) -> None:
        self.assertMarkdownRenders(
            "!!! note\n    Inside.\n\nOutside.",
            box("note", "Note", "<p>Inside.</p>") + "\n<p>Outside.</p>",
        )

    def test_unknown_kind_becomes_a_note_and_is_reported(self) -> None:
        self.assertMarkdownRenders(
            '!!! warning "Careful"\n    Text.',
            box("note", "Careful", "<p>Text.</p>"),
            expected_attrs={
                NOTICES: [
                    Notice(
                        code="unknown-box",
                        message='There is no box of the kind "warning"; it is shown as a note '
                        "box. Use one of: danger, note.",
                        needle="!!! warning",
                        severity=Severity.WARNING,
                    )
                ]
            },
        )


def test_reset_forgets_notices() -> None:
    md = Markdown(extensions=[BoxExtension()])
    md.convert("!!! odd\n    x")
    assert [n.code for n in notices(md, NOTICES)] == ["unknown-box"]
    md.reset()
    assert notices(md, NOTICES) == []


def test_configured_titles() -> None:
    md = Markdown(extensions=[BoxExtension(titles={"tip": "A tip"}, fallback="tip")])
    html = md.convert("!!! tip\n    x\n\n!!! danger\n    y")
    assert html.count('class="box tip"') == 4
    assert "<strong>A tip</strong>" in html
    assert [n.needle for n in notices(md, NOTICES)] == ["!!! danger"]
