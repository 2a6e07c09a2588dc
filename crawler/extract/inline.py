"""An element's inline content as lines of text with their links, split where the reader sees
a new line (``<br>``, a nested paragraph). Every stage reads text through this one view."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from .. import patterns as rx

_SPACE = rx.compile(r"\s+")
_FILE_ICON = rx.compile(r"pdf|word|doc", re.I)
# Inline elements that are words of their own (formatting tags may split a word).
_SEPARATE = {"span", "small", "time", "abbr", "label", "data", "cite", "q"}
_HIDDEN = rx.compile(
    r"\b(?:sr-only|visually-hidden|screen-reader-text|govuk-visually-hidden|hidden|d-none|offscreen)\b"
)


@dataclass
class Link:
    url: str
    text: str
    start: int  # offsets of the link text within its line
    end: int
    title: str = ""


@dataclass
class Line:
    text: str
    links: list[Link] = field(default_factory=list)
    bold: bool = False  # the whole line is bold (or strong)
    tag: str = ""  # the tag of the element it came from

    def shifted(self, offset: int) -> list[Link]:
        return [Link(k.url, k.text, k.start + offset, k.end + offset, k.title) for k in self.links]


def text_of(el) -> str:
    return _SPACE.sub(" ", "".join(el.itertext()) or "").strip()


def _link_text(el) -> str:
    """A link's words, with its separate inline parts spaced and screen-reader text left out."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag in _SEPARATE:
            if not (child.get("class") and _HIDDEN.search(child.get("class"))):
                parts.append(" " + text_of(child) + " ")
        elif isinstance(child.tag, str):
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return _SPACE.sub(" ", "".join(parts)).strip()


class _Builder:
    """Collects lines of text and links from an element's inline content."""

    def __init__(self, base_url: str, tag: str):
        self.base_url = base_url
        self.tag = tag
        self.parts: list[str] = []
        self.links: list[Link] = []
        self.lines: list[Line] = []
        self.bold_depth = 0
        self.bold_chars = self.plain_chars = 0

    def _length(self) -> int:
        return sum(len(p) for p in self.parts)

    def _count(self, text: str) -> None:
        visible = len(text.strip())
        if self.bold_depth:
            self.bold_chars += visible
        else:
            self.plain_chars += visible

    def separate(self) -> None:
        if self.parts and self.parts[-1][-1:].isalnum():
            self.parts.append(" ")

    def add_text(self, text: str | None) -> None:
        if text:
            self.parts.append(_SPACE.sub(" ", text))
            self._count(text)

    def add_link(self, el) -> None:
        href = (el.get("href") or "").strip()
        text = _link_text(el) or (el.get("title") or "").strip()
        if not text:
            text = next((img.get("alt").strip() for img in el.iter("img") if img.get("alt")), "")
        if self.parts and not "".join(self.parts).endswith(" "):
            self.parts.append(" ")
        start = self._length()
        self.parts.append(text)
        self._count(text)
        if href:
            url = urljoin(self.base_url, href)
            title = (el.get("title") or "").strip()
            self.links.append(Link(url, text, start, start + len(text), title))
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
            elif (
                child.tag in _SEPARATE and child.get("class") and _HIDDEN.search(child.get("class"))
            ):
                pass  # text for screen readers only ("(opens in a new window)")
            elif child.tag == "img":
                alt = (child.get("alt") or "").strip()
                if alt and len(alt) < 40 and _FILE_ICON.search(alt):
                    self.add_text(f" {alt} ")
            else:
                block = child.tag in ("p", "div", "li", "tr", "dt", "dd")
                if block and self._length():
                    self.break_line()
                bold = child.tag in ("strong", "b")
                self.bold_depth += bold
                if child.tag in _SEPARATE:
                    self.separate()  # "Mr A<span>PDF 55KB</span>" reads "Mr A PDF 55KB"
                self.add_text(child.text)
                self.walk(child)
                self.bold_depth -= bold
                if block:
                    self.break_line()
            self.add_text(child.tail)

    def break_line(self) -> None:
        raw = "".join(self.parts)
        stripped = raw.lstrip()
        offset = len(raw) - len(stripped)
        text = stripped.rstrip()
        if text:
            links = [
                Link(k.url, k.text, k.start - offset, k.end - offset, k.title) for k in self.links
            ]
            bold = self.bold_chars > 0 and self.plain_chars == 0
            self.lines.append(Line(text, links, bold, self.tag))
        self.parts, self.links = [], []
        self.bold_chars = self.plain_chars = 0

    def build(self, el) -> list[Line]:
        self.add_text(el.text)
        self.walk(el)
        self.break_line()
        return self.lines


def lines_of(el, base_url: str) -> list[Line]:
    """``el``'s content as lines (the element's own text and its descendants')."""
    return _Builder(base_url, el.tag if isinstance(el.tag, str) else "").build(el)


def joined(lines: list[Line], separator: str = " ") -> Line:
    """Several lines as one (a table cell, a list item), links shifted to match."""
    text, links, offset = [], [], 0
    for line in lines:
        text.append(line.text)
        links.extend(line.shifted(offset))
        offset += len(line.text) + len(separator)
    tag = lines[0].tag if lines else ""
    bold = bool(lines) and all(line.bold for line in lines)
    return Line(separator.join(text), links, bold, tag)
