"""The clinic's own contacts on "Get help now": an HTML block from the deployment config.

The block goes at the top of the library's Get help now page, right under its title and before
the library's own (national) numbers, because a clinic's own desk and the local emergency number
are what a reader there needs first:

    >>> from fieldguide.config import Config, HelpContact
    >>> block = clinic_help_html(Config(emergency_number="112",
    ...     help_contacts=(HelpContact("Front desk", "555-0100"),)))
    >>> "112" in block and "555-0100" in block
    True
    >>> clinic_help_html(Config())
    ''

`LocalHelpService` is a LibraryService whose help page carries the block, so the page reads the
same whether it is opened by the Get help now button, F1, a link or the topic tree.
"""

from __future__ import annotations

import logging

from fieldguide.config import Config, HelpContact
from fieldguide.library.model import Library
from fieldguide.library.service import LibraryService, Page

log = logging.getLogger(__name__)

HELP_SLUG = "help/get-help-now"  # the library's Get help now page


def _contact_html(contact: HelpContact) -> str:
    import html  # here, not at start-up: see library.service._escape

    name, number = html.escape(contact.name), html.escape(contact.number)
    lines = [f"<strong>{name}:</strong> <strong>{number}</strong>"]
    lines += [html.escape(text) for text in (contact.hours, contact.note) if text]
    return f"<p>{'<br>'.join(lines)}</p>"


def clinic_help_html(config: Config) -> str:
    """The clinic's help block (a note box), or "" when the config names no number at all."""
    if not config.emergency_number and not config.help_contacts:
        return ""
    import html

    title = f"Help from {config.clinic_name}" if config.clinic_name else "Help near you"
    parts = [f'<p class="box-title"><strong>{html.escape(title)}</strong></p>']
    if config.emergency_number:
        number = html.escape(config.emergency_number)
        parts.append(f"<p><strong>Emergency here: call {number}</strong></p>")
    parts += [_contact_html(contact) for contact in config.help_contacts]
    return (
        '<table class="box note clinic-help" width="100%" cellpadding="10" cellspacing="0" '
        f'border="2"><tr><td class="box note">{"".join(parts)}</td></tr></table>'
    )


def with_block_after_title(page_html: str, block: str) -> str:
    """`page_html` with `block` right after its first `</h1>` (at the start if it has none)."""
    if not block:
        return page_html
    end = page_html.find("</h1>")
    if end < 0:
        return block + page_html
    end += len("</h1>")
    return page_html[:end] + block + page_html[end:]


class LocalHelpService(LibraryService):
    """A LibraryService whose Get help now page starts with the clinic's own contacts."""

    def __init__(self, library: Library, config: Config, help_slug: str = HELP_SLUG) -> None:
        super().__init__(library)
        self.help_slug = help_slug
        self._block = clinic_help_html(config)
        if self._block and help_slug not in library.articles:  # (the catalog can answer)
            log.info("the library has no %r page; clinic contacts shown on their own", help_slug)

    def exists(self, slug: str) -> bool:
        """The help page always exists here (a built-in one stands in for a missing page)."""
        return slug == self.help_slug or super().exists(slug)

    def page(self, slug: str) -> Page:
        """The page for `slug`; the help page gains the clinic's block at the top."""
        if slug != self.help_slug:
            return super().page(slug)
        if self.library.article(slug) is None:
            return Page(slug, "Get help now", fallback_help_html(self._block), "article")
        page = super().page(slug)
        return page._replace(html=with_block_after_title(page.html, self._block))


def fallback_help_html(block: str) -> str:
    """A Get help now page for a library that has none of its own: never a "not found"."""
    return with_block_after_title(
        "<h1>Get help now</h1><p><strong>If someone may be dying, call your local emergency "
        "number now.</strong> Do not wait to see if it gets better.</p>"
        "<p>If you are not sure it is an overdose, treat it like one. Stay with the person "
        "until help comes.</p>",
        block,
    )
