"""A page as an ordered list of text blocks (headings, paragraphs, list items, table rows),
each with its links, after the page furniture (navigation, header, footer, sidebars, cookie
banners) is removed. Both the NSPCC entry parser and the partnership extractor read pages
through this one view.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.html
from lxml import etree

BLOCK_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "blockquote", "caption",
    "figcaption", "summary", "td", "th", "pre", "address", "legend", "label",
}  # fmt: skip
CONTAINER_TAGS = {
    "div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot",
    "tr", "details", "figure", "body", "html", "span", "center", "font", "form", "fieldset",
}  # fmt: skip
DROP_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "object", "select",
             "button", "input", "textarea", "head", "map", "canvas", "video", "audio"]  # fmt: skip
FURNITURE_TAGS = ["nav", "header", "footer", "aside"]
# A class or id naming page furniture. Not a BEM part of a content block ("card__footer",
# "layout--sidebar"): those follow a double "__" or "--".
_FURNITURE_ATTR = re.compile(
    r"(?:^|\s|(?<![_-])[_-])(?:nav|navbar|navigation|menu|megamenu|mega-menu|breadcrumbs?|footer|masthead"
    r"|site-header|page-header__nav|cookie|cookies|consent|gdpr|skip|skiplinks|social|share|sharing"
    r"|sidebar|side-bar|sidenav|search|searchform|newsletter-signup|signup|subscribe|pagination"
    r"|a-?z|az-?list|alphabet|toolbar|utility|topbar|top-bar|banner|back-to-top|accessibility)"
    r"(?:$|[\s_-])",
    re.I,
)
_HEADING = re.compile(r"^h([1-6])$")
_HEADING_LIKE = {"summary": 5, "dt": 6}
_SPACE = re.compile(r"\s+")


@dataclass
class Link:
    url: str
    text: str
    start: int  # offsets of the link text within the block text
    end: int
    title: str = ""


@dataclass
class Block:
    text: str
    tag: str
    level: int = 0  # 1-6 for headings (a paragraph of only bold text counts as 6)
    links: list[Link] = field(default_factory=list)
    cells: list[Block] = field(default_factory=list)  # for table rows
    header: list[str] = field(default_factory=list)  # column headings of the row's table
    element: object = field(default=None, repr=False)

    @property
    def is_heading(self) -> bool:
        return self.level > 0


# Characters XML cannot hold; real pages carry them (pasted from Word), and lxml refuses them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def parse_html(html: str | bytes) -> etree._Element:
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    html = _CONTROL.sub(" ", html)
    if not html.strip():
        html = "<html><body></body></html>"
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
    root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    return root


def _is_furniture(el) -> bool:
    if el.tag in FURNITURE_TAGS:
        # An article's own header (its title, its date) is content, not site furniture.
        return el.tag in ("nav", "aside") or next(el.iterancestors("article"), None) is None
    role = (el.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "search", "complementary"):
        return True
    attrs = " ".join(filter(None, [el.get("id"), el.get("class")]))
    if attrs and _FURNITURE_ATTR.search(attrs):
        # A container holding the main content is never furniture, whatever it is called
        # ("layout layout--sidebar" wraps both the article and its sidebar).
        if el.tag in ("main", "article", "body") or el.get("role") == "main":
            return False
        return not el.xpath(".//main | .//article | .//*[@role='main'] | .//h1")
    return el.get("aria-hidden") == "true" or "display:none" in (el.get("style") or "").replace(
        " ", ""
    )


def strip_furniture(root, scope: str | None = None, exclude: list[str] | None = None):
    """The content part of the page: ``scope`` if given, else <main>, else the body."""
    # An accordion's heading is often a <button> ("<h3><button>Child Q</button></h3>"): keep its
    # words. Other buttons are controls ("Accept cookies", "Menu") and go.
    for button in root.xpath(
        "//h1//button | //h2//button | //h3//button | //h4//button | //h5//button | //h6//button"
        " | //summary//button | //dt//button"
    ):
        button.drop_tag()
    for el in root.xpath("//" + " | //".join(DROP_TAGS)):
        el.drop_tree()
    if scope:
        found = root.cssselect(scope)
        if found:
            root = found[0]
    else:
        main = root.xpath("//main | //*[@role='main']")
        if main:
            root = main[0]
    for selector in exclude or []:
        for el in root.cssselect(selector):
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el is root:
            continue
        if el.getparent() is None:
            continue
        if _is_furniture(el):
            el.drop_tree()
    return root


def _text_of(el) -> str:
    return _SPACE.sub(" ", "".join(el.itertext()) or "").strip()


class _Builder:
    """Collects a block's text and links from its inline content, splitting at <br>."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.parts: list[str] = []
        self.links: list[Link] = []
        self.lines: list[tuple[str, list[Link], bool]] = []
        self.bold_depth = 0
        self.bold_chars = self.plain_chars = 0

    def _length(self) -> int:
        return len("".join(self.parts))

    def _count(self, text: str) -> None:
        visible = len(text.strip())
        if self.bold_depth:
            self.bold_chars += visible
        else:
            self.plain_chars += visible

    def add_text(self, text: str | None) -> None:
        if text:
            self.parts.append(_SPACE.sub(" ", text))
            self._count(text)

    def add_link(self, el) -> None:
        href = (el.get("href") or "").strip()
        text = _text_of(el) or (el.get("title") or "").strip()
        if not text:
            for img in el.iter("img"):
                text = (img.get("alt") or "").strip()
                if text:
                    break
        current = "".join(self.parts)
        if current and not current.endswith(" "):
            self.parts.append(" ")
        start = self._length()
        self.parts.append(text)
        self._count(text)
        if href:
            url = urljoin(self.base_url, href)
            self.links.append(
                Link(url, text, start, start + len(text), (el.get("title") or "").strip())
            )
        self.parts.append(" ")

    def walk(self, el) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                self.add_text(child.tail)
                continue
            if child.tag == "br":
                self.break_line()
            elif child.tag == "a":
                self.add_link(child)
            elif child.tag == "img":
                alt = (child.get("alt") or "").strip()
                if alt and len(alt) < 40 and re.search(r"pdf|word|doc", alt, re.I):
                    self.add_text(f" {alt} ")
            else:
                if child.tag in ("p", "div", "li") and self._length():
                    self.break_line()
                bold = child.tag in ("strong", "b")
                self.bold_depth += bold
                self.add_text(child.text)
                self.walk(child)
                self.bold_depth -= bold
                if child.tag in ("p", "div", "li"):
                    self.break_line()
            self.add_text(child.tail)

    def break_line(self) -> None:
        raw = "".join(self.parts)
        stripped = raw.lstrip()
        offset = len(raw) - len(stripped)
        text = stripped.rstrip()
        if text:
            links = [
                Link(link.url, link.text, link.start - offset, link.end - offset, link.title)
                for link in self.links
            ]
            # A line all in bold ("<strong>Child B</strong><br>Published …") titles what follows.
            bold = self.bold_chars > 0 and self.plain_chars == 0
            self.lines.append((text, links, bold))
        self.parts, self.links = [], []
        self.bold_chars = self.plain_chars = 0

    def build(self, el) -> list[tuple[str, list[Link], bool]]:
        self.add_text(el.text)
        self.walk(el)
        self.break_line()
        return self.lines


def _bold_only(el) -> bool:
    """A paragraph whose whole text is bold works as a heading."""
    text = _text_of(el)
    if not text or len(text) > 200:
        return False
    bold = " ".join(_text_of(b) for b in el.xpath(".//strong | .//b"))
    return _SPACE.sub("", bold) == _SPACE.sub("", text)


def _has_block_children(el) -> bool:
    return any(
        isinstance(c.tag, str)
        and (c.tag in BLOCK_TAGS or c.tag in CONTAINER_TAGS - {"span", "font"})
        for c in el
    )


def linearise(
    html, base_url: str, scope: str | None = None, exclude: list[str] | None = None
) -> list[Block]:
    """The page's content as blocks in reading order."""
    # A tree already parsed is read in place (and its furniture removed from it).
    tree = html if isinstance(html, etree._Element) else parse_html(html)
    root = strip_furniture(tree, scope, exclude)
    blocks: list[Block] = []

    def emit(el, tag: str, level: int) -> None:
        lines = _Builder(base_url).build(el)
        for text, links, bold in lines:
            line_level = level
            if not level and bold and len(lines) > 1 and len(text) <= 150:
                line_level = 6
            blocks.append(Block(text=text, tag=tag, level=line_level, links=links, element=el))

    def visit(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:
            return
        heading = _HEADING.match(tag)
        if heading:
            emit(el, tag, int(heading.group(1)))
            return
        if tag in _HEADING_LIKE and not _has_block_children(el):
            # An accordion's <summary> or a list's <dt> titles what follows, as a heading does.
            emit(el, tag, _HEADING_LIKE[tag])
            return
        if tag == "tr":
            row = _row_block(el, base_url)
            if row is not None:
                blocks.append(row)
            return
        if tag == "table":
            if _is_layout_table(el):
                # Old sites lay whole pages out in tables: read the cells as containers.
                for cell in el.xpath("./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th"):
                    visit(cell)
                return
            for tr in el.iter("tr"):
                row = _row_block(tr, base_url)
                if row is not None:
                    blocks.append(row)
            return
        if tag in BLOCK_TAGS and not (
            tag in ("li", "dd", "blockquote", "td", "th") and _has_block_children(el)
        ):
            level = 6 if tag == "p" and _bold_only(el) else 0
            emit(el, tag, level)
            return
        # A container: its own loose text and inline children form blocks between its blocks.
        pending = lxml.html.Element("div")
        pending.text = el.text
        loose = False
        if el.text and el.text.strip():
            loose = True
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if (
                child.tag in BLOCK_TAGS
                or child.tag in CONTAINER_TAGS - {"span", "font"}
                or _HEADING.match(child.tag)
            ):
                if loose:
                    emit(pending, "div", 0)
                pending = lxml.html.Element("div")
                pending.text = child.tail
                loose = bool(child.tail and child.tail.strip())
                visit(child)
            else:
                copy = _shallow_copy(child)
                pending.append(copy)
                loose = True
        if loose:
            emit(pending, "div", 0)

    visit(root)
    return blocks


_LAYOUT_CHILDREN = [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "table",
    "div",
    "blockquote",
    "form",
]


def _is_layout_table(table) -> bool:
    """A table used for page layout: its cells hold headings, paragraphs, lists or tables."""
    xpath = " | ".join(f"./tr/td//{t} | ./*/tr/td//{t}" for t in _LAYOUT_CHILDREN)
    return bool(table.xpath(xpath))


def _shallow_copy(el):
    return copy.deepcopy(el)  # keeps the tail, which belongs to the loose text run


def _row_block(tr, base_url: str) -> Block | None:
    cells = []
    for cell in tr:
        if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
            continue
        lines = _Builder(base_url).build(cell)
        text = " ".join(t for t, _, _ in lines)
        links = []
        offset = 0
        for t, ls, _ in lines:
            for link in ls:
                links.append(
                    Link(link.url, link.text, link.start + offset, link.end + offset, link.title)
                )
            offset += len(t) + 1
        cells.append(Block(text=text, tag=cell.tag, links=links, element=cell))
    if not any(c.text for c in cells):
        return None
    table = next(tr.iterancestors("table"), None)
    header: list[str] = []
    if table is not None:
        first = table.xpath(".//tr[th] | .//thead//tr")
        if first and first[0] is not tr:
            header = [
                _text_of(c) for c in first[0] if isinstance(c.tag, str) and c.tag in ("td", "th")
            ]
    is_header_row = all(c.tag == "th" for c in cells)
    text = " | ".join(c.text for c in cells)
    links = []
    offset = 0
    for c in cells:
        for link in c.links:
            links.append(
                Link(link.url, link.text, link.start + offset, link.end + offset, link.title)
            )
        offset += len(c.text) + 3
    return Block(
        text=text,
        tag="th" if is_header_row else "tr",
        links=links,
        cells=cells,
        header=header,
        element=tr,
    )


def page_title(html) -> str:
    root = html if isinstance(html, etree._Element) else parse_html(html)
    title = root.findtext(".//title") or ""
    return _SPACE.sub(" ", title).strip()


def published_date(html) -> str | None:
    """When the page itself says it was published (a news post's own date), as ISO, or None."""
    from ..normalise.dates import normalise_date

    root = html if isinstance(html, etree._Element) else parse_html(html)
    candidates = root.xpath(
        "//meta[@property='article:published_time']/@content"
        " | //meta[@itemprop='datePublished']/@content"
        " | //time[@itemprop='datePublished']/@datetime"
        " | //time[contains(concat(' ', normalize-space(@class), ' '), ' published ')]/@datetime"
    )
    for script in root.xpath("//script[@type='application/ld+json']/text()"):
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script)
        if m:
            candidates.append(m.group(1))
    for value in candidates:
        found = normalise_date(value)
        if found:
            return found
    return None
