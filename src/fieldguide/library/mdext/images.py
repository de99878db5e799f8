"""Images: only files inside the library are shown; anything else becomes a visible note.

`![A person resting](../images/rest.png)` in `withdrawal/coping.md` becomes
`<img src="file:///…/images/rest.png" alt="A person resting" width="…" height="…">` when
`images/rest.png` is a regular file (not a symbolic link) whose real path is inside the library
root, its type is one the view can show, and (for SVG) it holds no script. The width is the image's
own, capped at `max_width` (QTextBrowser has no max-width), with the height scaled to match.

In a library with site libraries mounted in it (see `library.sites`), the injected `locate`
callable says which folder a picture is read from: a site page's pictures come from its own folder
only.

Anything else is replaced by visible text, `<span class="missing-image">[Picture missing: A person
resting]</span>` (or "[Picture not shown: …]" for a web address or an unsafe file), and reported:
the program never loads anything from the network and never reads outside the library.
"""

from __future__ import annotations

import html
import os
import xml.etree.ElementTree as etree
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from fieldguide.library import links as rules
from fieldguide.library.imagesize import image_size, svg_is_unsafe
from fieldguide.library.mdext import Notice, document_path, outputs, reset_outputs
from fieldguide.library.model import Severity

IMAGES = "fieldguide_images"  # library-relative paths of images shown, in document order
NOTICES = "fieldguide_image_notices"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})

# (document path, picture path), both library-relative -> (folder, path inside it), or None
# when the document may not show that picture.
Locate = Callable[[str, str], tuple[str | Path, str] | None]


def in_root(root: str) -> Locate:
    """The `locate` of a library in one folder: every picture is read from `root`."""

    def locate(document: str, path: str) -> tuple[str | Path, str] | None:
        return (root, path) if root else None

    return locate


def _from_root(document: str, path: str) -> tuple[str | Path, str] | None:
    """The default of the `locate` option: "use `root`" (never called)."""
    raise NotImplementedError


def inside(root: str, rel: str) -> Path | None:
    """The real path of library-relative `rel` if it is a regular file safely inside `root`.

    None when `rel` is a symbolic link, resolves to somewhere outside `root`, or is not a file.
    """
    if not root:
        return None
    candidate = os.path.join(root, *rel.split("/"))
    if os.path.islink(candidate):
        return None
    real_root = os.path.normcase(os.path.realpath(root))
    real = os.path.realpath(candidate)
    try:
        if os.path.commonpath([real_root, os.path.normcase(real)]) != real_root:
            return None
    except ValueError:  # different drives on Windows
        return None
    return Path(real) if os.path.isfile(real) else None


class ImageTreeprocessor(Treeprocessor):
    """Point each `img` at a checked file inside the library, or replace it with a note."""

    def __init__(self, md: Markdown, locate: Locate, max_width: int) -> None:
        super().__init__(md)
        self.locate = locate
        self.max_width = max_width
        self._sizes: dict[tuple[str, int, int], tuple[int, int] | None] = {}

    def run(self, root: etree.Element) -> None:
        for img in list(root.iter("img")):
            self.handle(img)

    def handle(self, img: etree.Element) -> None:
        written = img.get("src", "")
        alt = img.get("alt", "")
        src = html.unescape(written).strip()
        target = rules.classify_link(document_path(self.md), src)
        if target.kind is rules.LinkKind.EXTERNAL:
            return self.replace(img, written, alt, "remote-image", "is on the web", shown=False)
        if target.kind is not rules.LinkKind.FILE:
            return self.replace(img, written, alt, "bad-image", "is not a picture in the library")
        if Path(target.path).suffix.lower() not in IMAGE_SUFFIXES:
            allowed = ", ".join(sorted(IMAGE_SUFFIXES))
            why = f"is not a kind of picture the guide can show ({allowed})"
            return self.replace(img, written, alt, "bad-image", why, shown=False)
        where = self.locate(document_path(self.md), target.path)
        if where is None:
            why = "is not in the folder of this page's library (copy it there)"
            return self.replace(img, written, alt, "missing-image", why)
        real = inside(str(where[0]), where[1])
        if real is None:
            why = "is not in the library (or is a link to a file elsewhere)"
            return self.replace(img, written, alt, "missing-image", why)
        if real.suffix.lower() == ".svg" and svg_is_unsafe(real):
            why = "holds a script or web content, which the guide does not show"
            return self.replace(img, written, alt, "unsafe-image", why, shown=False)
        title = img.get("title")
        img.attrib.clear()
        img.set("src", real.as_uri())
        img.set("alt", alt)
        if title:
            img.set("title", title)
        size = self.size(real)
        if size:
            width, height = size
            if width > self.max_width:
                width, height = self.max_width, max(1, round(height * self.max_width / width))
            img.set("width", str(width))
            img.set("height", str(height))
        images = outputs(self.md, IMAGES)
        if target.path not in images:
            images.append(target.path)
        return None

    def size(self, path: Path) -> tuple[int, int] | None:
        """The image's size, cached while the file is unchanged."""
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in self._sizes:
            self._sizes[key] = image_size(path)
        return self._sizes[key]

    def replace(
        self, img: etree.Element, written: str, alt: str, code: str, why: str, shown: bool = True
    ) -> None:
        """Turn `img` into visible text, keeping its tail, and report why."""
        message = f'The picture "{written}" {why}.'
        outputs(self.md, NOTICES).append(Notice(code, message, written, Severity.ERROR))
        label = "Picture missing" if shown else "Picture not shown"
        img.tag = "span"
        img.attrib.clear()
        img.set("class", "missing-image")
        img.text = AtomicString(f"[{label}: {alt}]" if alt.strip() else f"[{label}]")


class ImageExtension(Extension):
    """Register the image processor; collect images shown and notices per document."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "root": ["", "The library folder; images are only read from inside it."],
            "locate": [
                _from_root,
                "Callable(document, path) -> (folder, path in it) or None; replaces root.",
            ],
            "max_width": [640, "Largest width in pixels an image is shown at."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the processor.

        | Class                | Registry       | Name     | Priority |
        | -------------------- | -------------- | -------- | -------- |
        | `ImageTreeprocessor` | treeprocessors | `images` | 3        |

        3 is after `toc` (5), so replacing a picture in a heading by text cannot change the
        heading's id, and after `links` (4), which leaves `img` alone.
        """
        md.registerExtension(self)
        self.md = md
        self.reset()
        locate = self.getConfig("locate")
        if locate is None or locate is _from_root:  # a None default is read as yes/no
            locate = in_root(str(self.getConfig("root") or ""))
        processor = ImageTreeprocessor(md, locate, int(self.getConfig("max_width")))
        md.treeprocessors.register(processor, "images", 3)

    def reset(self) -> None:
        """Forget the previous document's images and notices."""
        reset_outputs(self.md, IMAGES, NOTICES)


def makeExtension(**kwargs: Any) -> ImageExtension:
    """Entry point for `markdown.Markdown(extensions=[...])`."""
    return ImageExtension(**kwargs)
