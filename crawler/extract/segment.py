"""Segment: a page's content cut into candidate records by its repeated structure.

Data-record mining (Liu, Grossman and Zhai, KDD 2003; DEPTA after it): records are repeated
sibling subtrees of the same shape, or runs of siblings that start alike, not phrases.

- Table rows, list items, definition-list entries and cards (same-shaped sibling boxes) are
  items.
- A heading opens a section that runs to the next heading of the same or a higher rank. An
  accordion item (``<details>``, or a same-shaped box that starts with a heading) is a section
  closed at its box's end.
- Paragraphs are items; a paragraph of several linked lines is one item per line.

The result is a tree: sections hold the units under their heading. Each unit knows its group
(its parent element and shape), so a later stage can ask whether its siblings agree with it.
Whether a section is one record or a heading over several is decided by ``classify``.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass, field

import lxml.html

from .. import patterns as rx
from .inline import Line, joined, lines_of, text_of
from .page import xpath

_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6, "summary": 6, "dt": 7}
BOLD_RANK = 8  # a bold-only paragraph or line titles what follows, below any real heading
LI_RANK = 9  # a list item's own words above its nested list
INLINE = {
    "a", "span", "strong", "b", "em", "i", "u", "small", "big", "font", "abbr", "time", "sup",
    "sub", "mark", "img", "br", "label", "cite", "code", "q", "s", "del", "ins", "var", "bdi",
    "bdo", "wbr", "data", "kbd", "samp", "tt", "acronym", "picture", "source",
}  # fmt: skip
PARAGRAPHS = {"p", "blockquote", "address", "pre", "figcaption", "caption", "legend", "center"}
_NOISE_CLASS = rx.compile(r"\b(?:odd|even|first|last|active|open|closed|current|show|hide)\b|\d+")


@dataclass
class Unit:
    kind: str  # heading | item | line | row | section
    lines: list[Line] = field(default_factory=list)
    rank: int = 0  # a heading's rank (1 = h1)
    children: list[Unit] = field(default_factory=list)  # a section's body
    cells: list[Line] = field(default_factory=list)  # a row's cells
    header: list[str] = field(default_factory=list)  # a row's column headings
    group: tuple = ()  # (parent id, shape): siblings of the same shape share it
    order: int = 0  # reading order

    @property
    def title(self) -> Line:
        return self.lines[0] if self.lines else Line("")

    def all_lines(self) -> list[Line]:
        out = list(self.lines)
        for child in self.children:
            out.extend(child.all_lines())
        return out


def _classes(el) -> str:
    return " ".join(sorted(set(_NOISE_CLASS.sub(" ", el.get("class") or "").split())))


def _shape(el) -> str:
    """What a sibling looks like: its tag, classes and its children's tags."""
    kids = [c.tag for c in el if isinstance(c.tag, str)][:4]
    return f"{el.tag}.{_classes(el)}[{','.join(kids)}]"


def _where(el) -> str:
    """A stable name for an element (its path in the tree; lxml's proxies have no stable id)."""
    return el.getroottree().getpath(el) if el is not None else ""


def _is_inline(el) -> bool:
    return isinstance(el.tag, str) and el.tag in INLINE


def _only_inline(el) -> bool:
    return all(_is_inline(c) for c in el.iterdescendants() if isinstance(c.tag, str))


def _has(el, tags: str) -> bool:
    return bool(xpath(" | ".join(f".//{t}" for t in tags.split()))(el))


_LAYOUT_CELL = (
    "self::h1 or self::h2 or self::h3 or self::h4 or self::ul or self::table or self::div"
)


def _is_layout_table(table) -> bool:
    """A table used for page layout: its cells hold headings, lists, tables or boxes."""
    return bool(xpath(f"./tr/td//*[{_LAYOUT_CELL}] | ./*/tr/td//*[{_LAYOUT_CELL}]")(table))


class _Walker:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.counter = itertools.count()

    def unit(self, kind: str, lines: list[Line], el, **extra) -> Unit:
        parent = el.getparent()
        group = (_where(parent), _shape(el))
        return Unit(kind, lines, group=group, order=next(self.counter), **extra)

    # -- paragraphs, rows and items ---------------------------------------------------------

    def paragraph(self, el) -> list[Unit]:
        lines = lines_of(el, self.base_url)
        if not lines:
            return []
        if len(lines) == 1 and lines[0].bold and len(lines[0].text) <= 150:
            return [self.unit("heading", lines, el, rank=BOLD_RANK)]
        if len(lines) > 1 and sum(1 for line in lines if line.links) >= 2:
            # Several linked lines in one paragraph: each line is an item of its own.
            out = []
            for line in lines:
                bold = line.bold and not line.links and len(line.text) <= 150
                kind, rank = ("heading", BOLD_RANK) if bold else ("line", 0)
                out.append(self.unit(kind, [line], el, rank=rank))
            return out
        return [self.unit("item", lines, el)]

    def rows(self, table) -> list[Unit]:
        header: list[str] = []
        out = []
        for tr in table.iter("tr"):
            cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
            texts = [joined(lines_of(c, self.base_url)) for c in cells]
            if not any(t.text for t in texts):
                continue
            if all(c.tag == "th" for c in cells) or tr.getparent().tag == "thead":
                header = [t.text for t in texts]
                continue
            row = self.unit("row", [joined(texts, " | ")], tr, cells=texts, header=header)
            out.append(row)
        return out

    def list_item(self, li) -> list[Unit]:
        nested = [c for c in li if isinstance(c.tag, str) and c.tag in ("ul", "ol")]
        if nested and len(nested[0].findall("li")) >= 2:
            # "2019" over a nested list of that year's reviews: the item's own words head it.
            own = lxml.html.Element("div")
            own.text = li.text
            for child in li:
                if child in nested:
                    break
                own.append(_copy(child))
            units = [self.unit("heading", lines_of(own, self.base_url), li, rank=LI_RANK)]
            units = [u for u in units if u.lines]
            for child in li:
                if child in nested:
                    units.extend(self.stream(child))
            return units
        lines = lines_of(li, self.base_url)
        return [self.unit("item", lines, li)] if lines else []

    # -- boxes ---------------------------------------------------------------------------------

    def box(self, el, siblings: dict[str, int]) -> list[Unit]:
        tag = el.tag
        if tag in ("ul", "ol"):
            out = []
            for child in el:
                if isinstance(child.tag, str):
                    out.extend(self.list_item(child) if child.tag == "li" else self.stream(child))
            return out
        if tag == "table":
            if _is_layout_table(el):
                cells = xpath("./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th")(el)
                return [u for cell in cells for u in self.stream(cell)]
            return self.rows(el)
        if tag == "details":
            return [self.closed_section(self.stream(el), el)]
        repeated = siblings.get(_shape(el), 0) >= 2
        if repeated and not _has(el, "h1 h2 h3 h4 h5 h6 summary ul ol table dl"):
            lines = lines_of(el, self.base_url)
            if lines and len(lines) <= 12:
                return [self.unit("item", lines, el)]  # a card
        units = self.stream(el)
        if repeated and units and units[0].kind == "heading" and len(units) > 1:
            return [self.closed_section(units, el)]  # an accordion item or a card with a heading
        return units

    def closed_section(self, units: list[Unit], box) -> Unit:
        """A box that is one section (an accordion item, a card): its siblings are the boxes."""
        parent = box.getparent()
        group = (_where(parent), _shape(box))
        if not units or units[0].kind != "heading":
            return Unit(
                "section", [], children=sectionise(units), group=group, order=next(self.counter)
            )
        head = units[0]
        return Unit(
            "section",
            head.lines,
            rank=head.rank,
            children=sectionise(units[1:]),
            group=group,
            order=head.order,
        )

    def stream(self, el) -> list[Unit]:
        """``el``'s content as units in reading order; boxes are opened unless they close."""
        out: list[Unit] = []
        children = [c for c in el if isinstance(c.tag, str)]
        shapes: dict[str, int] = {}
        for child in children:
            shapes[_shape(child)] = shapes.get(_shape(child), 0) + 1
        pending = lxml.html.Element("div")
        pending.text = el.text
        loose = bool(el.text and el.text.strip())

        def flush():
            nonlocal pending, loose
            if loose:
                lines = lines_of(pending, self.base_url)
                if len(lines) > 1 and sum(1 for line in lines if line.links) >= 2:
                    out.extend(self.unit("line", [line], el) for line in lines)
                elif lines:
                    out.append(self.unit("item", lines, el))
            pending = lxml.html.Element("div")
            loose = False

        for child in children:
            if _is_inline(child) and not (child.tag == "span" and not _only_inline(child)):
                pending.append(_copy(child))
                loose = True
                continue
            flush()
            pending.text = child.tail
            loose = bool(child.tail and child.tail.strip())
            out.extend(self.element(child, shapes))
        flush()
        return out

    def element(self, el, siblings: dict[str, int]) -> list[Unit]:
        tag = el.tag
        if tag in _HEADING and (tag not in ("summary", "dt") or _only_inline(el)):
            lines = lines_of(el, self.base_url)
            return [self.unit("heading", [joined(lines)], el, rank=_HEADING[tag])] if lines else []
        if tag in PARAGRAPHS or (tag in ("div", "span", "dd", "li", "td") and _only_inline(el)):
            return self.paragraph(el)
        if tag == "li":
            return self.list_item(el)
        return self.box(el, siblings)


def _copy(el):
    return copy.deepcopy(el)  # keeps the tail, which belongs to the loose text run


def sectionise(units: list[Unit]) -> list[Unit]:
    """Open headings take the units after them, up to the next heading of their rank or above."""
    ranks = [u.rank for u in units if u.kind == "heading"]
    if not ranks:
        return units
    top = min(ranks)
    units = _datelines_forward(units, top)
    i = 0
    while i < len(units) and not (units[i].kind == "heading" and units[i].rank == top):
        i += 1
    out: list[Unit] = sectionise(units[:i])  # what comes before the first top heading
    while i < len(units):
        head = units[i]
        j = i + 1
        while j < len(units) and not (units[j].kind == "heading" and units[j].rank <= top):
            j += 1
        out.append(
            Unit(
                "section",
                head.lines,
                rank=head.rank,
                children=sectionise(units[i + 1 : j]),
                group=head.group,
                order=head.order,
            )
        )
        i = j
    return out


def _is_dateline(unit: Unit) -> bool:
    from .fields import is_date_line

    return (
        unit.kind in ("item", "line")
        and len(unit.lines) == 1
        and not unit.lines[0].links
        and (is_date_line(unit.lines[0].text))
    )


def _datelines_forward(units: list[Unit], top: int) -> list[Unit]:
    """A date line just above a heading ("9 May 2023", then "Child Iris …") belongs to that
    heading's section when the headings of this page are dated that way: the first heading is
    preceded by one."""
    heads = [i for i, u in enumerate(units) if u.kind == "heading" and u.rank == top]
    if not heads or heads[0] == 0 or not _is_dateline(units[heads[0] - 1]):
        return units
    out = list(units)
    for i in reversed(heads):
        if i > 0 and _is_dateline(out[i - 1]):
            out[i - 1], out[i] = out[i], out[i - 1]
    return out


def units_of(content, base_url: str) -> list[Unit]:
    """The page's content (furniture removed) as units in reading order, before sectioning."""
    return _Walker(base_url).stream(content)


def segment(content, base_url: str) -> list[Unit]:
    """The page's content (furniture removed) as a tree of sections and items."""
    return sectionise(units_of(content, base_url))


def flatten(units: list[Unit]):
    """Every unit, and every unit inside a section, in reading order."""
    for unit in units:
        yield unit
        yield from flatten(unit.children)


def without(units: list[Unit], taken: set[int]) -> list[Unit]:
    """``units`` less those whose id() is in ``taken``, at any depth."""
    out = []
    for unit in units:
        if id(unit) in taken:
            continue
        if unit.children:
            unit.children = without(unit.children, taken)
        out.append(unit)
    return out


def describe(units: list[Unit], depth: int = 0) -> str:
    """The tree as indented text, for tests and for explaining a page."""
    out = []
    for unit in units:
        out.append(f"{'  ' * depth}{unit.kind}: {unit.title.text[:80]}")
        out.append(describe(unit.children, depth + 1)) if unit.children else None
    return "\n".join(o for o in out if o)


__all__ = [
    "BOLD_RANK", "Unit", "describe", "flatten", "sectionise", "segment", "text_of", "units_of", "without",
]  # fmt: skip
