"""Checking the links and pictures of a site library's pages against the combined library.

A site page may link to its own pages and to the guide's (see `library.sites`); its pictures must
be in its own folder. Problems name the file relative to the site's folder, as its editor sees it.
"""

from __future__ import annotations

import logging

from fieldguide.library.linkcheck import LinkChecker
from fieldguide.library.links import LinkKind, classify_link
from fieldguide.library.model import Article, Library
from fieldguide.library.problems import ProblemLog, quoted

log = logging.getLogger(__name__)


class SiteLinkChecker(LinkChecker):
    """The link checker, with a message for a link into the guide that finds nothing there."""

    def __init__(self, library: Library, prefix: str, problems: ProblemLog) -> None:
        super().__init__(
            library.articles,
            library.files,
            {topic.slug for topic in library.topics.walk()},
            problems,
            may_show=lambda page, picture: library.file_location(page, picture) is not None,
        )
        self.prefix = prefix

    def check(self, article: Article, line: int, is_image: bool, href: str) -> None:
        target = classify_link(article.path, href)
        into_guide = not target.path.startswith(f"{self.prefix}/")
        if (
            is_image
            or target.kind is not LinkKind.ARTICLE
            or not into_guide
            or target.path in self.files
        ):
            super().check(article, line, is_image, href)
            return
        depth = article.path.count("/") - 1
        example = "../" * (depth + 1) + "withdrawal/how-long-it-lasts.md"
        self.problems.error(
            article.path,
            line,
            "broken-link",
            f"The link {quoted(href)} leads to {quoted(target.path)} in the guide, which has no "
            "such article. Links to the guide are written as if your folder sat inside the "
            f"guide's library folder: from this page, {quoted(example)}.",
        )


def check_site_links(library: Library, prefix: str, problems: ProblemLog) -> None:
    """Check the links of the pages under `prefix` against the whole combined `library`; add
    the problems to `problems` with files relative to the site's own folder."""
    found = ProblemLog()
    checker = SiteLinkChecker(library, prefix, found)
    for slug, article in library.articles.items():
        if not slug.startswith(f"{prefix}/"):
            continue
        try:
            checker.check_article(article)
        except Exception:
            log.exception("checking the links of %s failed", article.path)
            found.error(
                article.path,
                None,
                "internal-error",
                "Field Guide could not check the links of this page because of an error in "
                "the program. Please report it, with the file.",
            )
    cut = len(prefix) + 1
    for problem in found.items:
        problems.items.append(problem._replace(file=problem.file[cut:]))
