"""A page as a flat list of text blocks (one per heading, line, list item or table row), for the
readers that walk a page in order rather than by its records: the NSPCC entry parser.

Blocks come from the same walk as the segmenter's units (``segment.units_of``), so both views
agree on what the page says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .inline import Line, Link, joined
from .page import load_page
from .segment import Unit, units_of

__all__ = ["Block", "Link", "blocks_of", "linearise"]


@dataclass
class Block:
    text: str
    tag: str
    level: int = 0  # a heading's rank (1 = h1); 0 for other blocks
    links: list[Link] = field(default_factory=list)
    cells: list[Line] = field(default_factory=list)  # a table row's cells
    unit: Unit | None = field(default=None, repr=False)  # the unit it came from

    @property
    def is_heading(self) -> bool:
        return self.level > 0


def blocks_of(units: list[Unit]) -> list[Block]:
    """``units`` (and the units inside closed sections) as blocks, one per line."""
    out: list[Block] = []
    for unit in units:
        if unit.kind == "row":
            line = joined(unit.cells, " | ")
            out.append(Block(line.text, "tr", 0, line.links, unit.cells, unit))
            continue
        level = unit.rank if unit.kind in ("heading", "section") else 0
        lines = unit.lines[:1] if unit.kind == "section" else unit.lines
        for line in lines:
            out.append(Block(line.text, line.tag, level, line.links, unit=unit))
        out.extend(blocks_of(unit.children))
    return out


def linearise(html, base_url: str) -> list[Block]:
    """The page's content (furniture removed) as blocks in reading order."""
    page = load_page(html, base_url)
    return blocks_of(units_of(page.content, base_url))
