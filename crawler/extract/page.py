"""A fetched page, parsed once: its content (page furniture removed) and the context every
record on it carries (the page's title, its h1, its breadcrumb and its URL's words).

Navigation, headers, footers, sidebars and cookie banners are removed by what they are
(``<nav>``, ``role="navigation"``, a class naming furniture), never by what they say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree

from .. import patterns as rx
from ..normalise.dates import normalise_date

DROP_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "object", "select",
             "button", "input", "textarea", "head", "map", "canvas", "video", "audio"]  # fmt: skip
FURNITURE_TAGS = ["nav", "header", "footer", "aside"]
# A class or id naming page furniture. Not a BEM part of a content block ("card__footer",
# "layout--sidebar"): those follow a double "__" or "--".
_FURNITURE_ATTR = rx.compile(
    r"(?:^|\s|(?<![_-])[_-])(?:nav|navbar|navigation|menu|megamenu|mega-menu|breadcrumbs?|footer|masthead"
    r"|site-header|page-header__nav|cookie|cookies|consent|gdpr|skip|skiplinks|social|share|sharing"
    r"|sidebar|side-bar|sidenav|search|searchform|newsletter-signup|signup|subscribe|pagination"
    r"|a-?z|az-?list|alphabet|toolbar|utility|topbar|top-bar|banner|back-to-top|accessibility"
    r"|feedback|rate-this|page-rating|related)"
    r"(?:$|[\s_-])",
    re.I,
)
_BREADCRUMB = rx.compile(r"breadcrumb", re.I)
_SPACE = rx.compile(r"\s+")
# Characters XML cannot hold; real pages carry them (pasted from Word), and lxml refuses them.
_CONTROL = rx.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@lru_cache(maxsize=256)
def xpath(expr: str) -> etree.XPath:
    """``expr`` compiled once (``element.xpath(expr)`` compiles it again on every call)."""
    return etree.XPath(expr)


_CONTENT = ".//a | .//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6 | .//p | .//li"


def parse_html(html: str | bytes) -> etree._Element:
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    html = _CONTROL.sub(" ", html)
    if not html.strip():
        html = "<html><body></body></html>"
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
    return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)


def text_of(el) -> str:
    return _SPACE.sub(" ", "".join(el.itertext()) or "").strip()


def _is_hidden(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return (
        el.get("aria-hidden") == "true" or "display:none" in style or el.get("hidden") is not None
    )


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
        if el.tag in ("main", "article", "body") or role == "main":
            return False
        return not xpath(".//main | .//article | .//*[@role='main'] | .//h1")(el)
    # Hidden icons and glyphs go; a hidden accordion panel is content the reader opens.
    return _is_hidden(el) and not xpath(_CONTENT)(el) and len(text_of(el)) < 60


def strip_furniture(root, scope: str | None = None, exclude: list[str] | None = None):
    """The content part of the page: ``scope`` if given, else <main>, else the body."""
    # An accordion's heading is often a <button> ("<h3><button>Child Q</button></h3>"): keep its
    # words. Other buttons are controls ("Accept cookies", "Menu") and go.
    for button in xpath(
        "//h1//button | //h2//button | //h3//button | //h4//button | //h5//button | //h6//button"
        " | //summary//button | //dt//button"
    )(root):
        button.drop_tag()
    for el in xpath("//" + " | //".join(DROP_TAGS))(root):
        el.drop_tree()
    if scope:
        found = root.cssselect(scope)
        if found:
            root = found[0]
    else:
        main = xpath("//main | //*[@role='main']")(root)
        if main:
            root = main[0]
    for selector in exclude or []:
        for el in root.cssselect(selector):
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el is root or el.getparent() is None:
            continue
        if _is_furniture(el):
            el.drop_tree()
    return root


def page_title(root) -> str:
    return _SPACE.sub(" ", root.findtext(".//title") or "").strip()


def published_date(root) -> str | None:
    """When the page itself says it was published (a news post's own date), as ISO, or None."""
    candidates = xpath(
        "//meta[@property='article:published_time']/@content"
        " | //meta[@itemprop='datePublished']/@content"
        " | //time[@itemprop='datePublished']/@datetime"
        " | //time[contains(concat(' ', normalize-space(@class), ' '), ' published ')]/@datetime"
    )(root)
    for script in xpath("//script[@type='application/ld+json']/text()")(root):
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script)
        if m:
            candidates.append(m.group(1))
    for value in candidates:
        found = normalise_date(value)
        if found:
            return found
    return None


_URL_DATE = rx.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/[^/]")


def url_date(url: str) -> str | None:
    """A news post's date in its address, as WordPress and most blogs write it
    ("/2022/04/12/statement-issued-…")."""
    m = _URL_DATE.search(urlsplit(url).path)
    return "-".join(m.groups()) if m else None


def breadcrumb(root) -> list[str]:
    """The breadcrumb trail's words, outermost first ("Home", "Learning", "Case reviews")."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        attrs = " ".join(filter(None, [el.get("id"), el.get("class"), el.get("aria-label")]))
        if attrs and _BREADCRUMB.search(attrs):
            parts = [text_of(a) for a in xpath(".//li | .//a")(el)]
            parts = [p for p in dict.fromkeys(parts) if p and len(p) < 80]
            if parts:
                return parts
            return [p.strip() for p in re.split(r"[>/»›|]", text_of(el)) if p.strip()]
    return []


def url_words(url: str) -> str:
    """'/learning/safeguarding-adult-reviews/' -> 'learning safeguarding adult reviews'."""
    path = unquote(urlsplit(url).path)
    path = re.sub(r"\.\w{2,5}$", "", path)
    return _SPACE.sub(" ", re.sub(r"[/_\-.+]+", " ", path)).strip()


@dataclass
class Page:
    """A page and the context every record on it shares."""

    url: str
    host: str
    content: object = field(repr=False)  # the content element, furniture removed
    title: str = ""
    h1: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    url_words: str = ""
    date: str | None = None  # the page's own publication date (a news post's)

    @property
    def context(self) -> str:
        """The page-level words about what it lists: title, h1, breadcrumb, URL."""
        return " | ".join(
            p for p in (self.h1, self.title, " ".join(self.breadcrumb), self.url_words) if p
        )


def load_page(
    html: str | bytes | etree._Element,
    url: str,
    *,
    scope: str | None = None,
    exclude: list[str] | None = None,
) -> Page:
    """Parse ``html`` (once) into a Page. A tree already parsed is changed in place."""
    root = html if isinstance(html, etree._Element) else parse_html(html)
    title = page_title(root)
    date = published_date(root) or url_date(url)
    trail = breadcrumb(root)
    content = strip_furniture(root, scope, exclude)
    h1 = next((text_of(h) for h in content.iter("h1")), "")
    return Page(
        url=url,
        host=(urlsplit(url).hostname or "").lower(),
        content=content,
        title=title,
        h1=h1,
        breadcrumb=trail,
        url_words=url_words(url),
        date=date,
    )
