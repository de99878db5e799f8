"""Named anchors in headings and grid attributes on tables, for QTextBrowser."""

from __future__ import annotations

from typing import Any, ClassVar

from markdown import Markdown
from markdown.extensions.toc import TocExtension
from markdown.test_tools import TestCase

from fieldguide.library.mdext.boxes import BoxExtension
from fieldguide.library.mdext.qtcompat import QtCompatExtension


class TestQtCompat(TestCase):
    default_kwargs: ClassVar[dict[str, Any]] = {"extensions": [TocExtension(), QtCompatExtension()]}

    def test_heading_gets_a_named_anchor_before_its_text(self) -> None:
        self.assertMarkdownRenders(
            "## Early *signs*",
            '<h2 id="early-signs"><a name="early-signs"></a>Early <em>signs</em></h2>',
        )

    def test_heading_without_id_is_left_alone(self) -> None:
        self.assertMarkdownRenders("# Title", "<h1>Title</h1>", extensions=[QtCompatExtension()])

    def test_table_gets_a_grid(self) -> None:
        self.assertMarkdownRenders(
            "| a |\n|---|\n| 1 |",
            '<table border="1" cellpadding="4" cellspacing="0" class="data">\n<thead>\n<tr>\n'
            "<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>",
            extensions=["tables", QtCompatExtension()],
        )

    def test_box_tables_keep_their_own_attributes(self) -> None:
        html = Markdown(extensions=[BoxExtension(), QtCompatExtension()]).convert("!!! note\n    x")
        assert 'class="box note"' in html
        assert 'class="data"' not in html
