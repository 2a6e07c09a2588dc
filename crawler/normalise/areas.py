"""Area names as listings write them, resolved against the reference table ``data/areas.csv``.

The table holds every UK local authority that has a safeguarding board (with its ONS/GSS code,
nation and English region), the authorities older reviews name that no longer exist, the
multi-authority partnerships, the Crown dependencies and the nations.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import patterns as rx

ANONYMOUS = "Anonymous"
NATIONAL = "National"
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland", "Jersey", "Guernsey", "Isle of Man")
ENGLISH_REGIONS = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)

AREAS_CSV = Path(__file__).resolve().parents[2] / "data" / "areas.csv"
_DEFAULT_TABLE = str(AREAS_CSV)


@dataclass(frozen=True)
class Area:
    name: str
    code: str | None
    kind: str
    nation: str | None
    region: str | None
    current: bool
    codes: tuple[str, ...]  # its own GSS code, then what it covers (members, successors, old codes)


ANONYMOUS_AREA = Area(ANONYMOUS, None, "anonymous", None, None, True, ())

_ANONYMOUS_WORDS = rx.compile(
    r"^(?:anonymous|anonymised|unnamed|not named|withheld|undisclosed|nspcc on behalf of.*"
    r"|.*\bunnamed (?:lscb|board|partnership|local authority|area)\b.*)$",
    re.I,
)

# Words around an area name that say which body, not which place.
_BODY_WORDS = rx.compile(
    r"\b(?:local safeguarding children(?:'s)? (?:board|partnership)|safeguarding children(?:'s)? "
    r"(?:board|partnership|multi-agency partnership)|safeguarding adults? (?:board|partnership)"
    r"|safeguarding (?:partnership|board)|children(?:'s)? safeguarding (?:board|partnership)"
    r"|child protection committee|(?:metropolitan |county )?borough council|city council"
    r"|county council|district council|council|lscb|lscp|scp|scb|sab|cpc|lsab|lsb"
    r"|partnerships?|(?:the )?(?:royal |london )?borough of|metropolitan borough of"
    r"|municipal borough of|local authority)\b",
    re.I,
)


def area_key(name: str) -> str:
    """A comparison key: case, '&', punctuation and spacing do not matter."""
    text = name.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"\bst\.?\s", "st ", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"^the ", "", text.strip())
    return text.strip()


def _table_path() -> str:
    return os.environ.get("SCR_AREAS_CSV") or _DEFAULT_TABLE


@lru_cache(maxsize=4)
def load_areas(path: str | None = None) -> dict[str, Area]:
    """Every lookup key (names and aliases) mapped to its area."""
    by_key: dict[str, Area] = {}
    with open(path or _table_path(), newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].strip() or None
            covers = tuple(c for c in row.get("covers", "").split(";") if c.strip())
            area = Area(
                name=row["name"].strip(),
                code=code,
                kind=row["kind"].strip(),
                nation=row["nation"].strip() or None,
                region=row["region"].strip() or None,
                current=row["status"].strip() == "current",
                codes=tuple(dict.fromkeys(c for c in (code, *covers) if c)),
            )
            keys = [area.name, *(a for a in row.get("aliases", "").split(";") if a.strip())]
            if code:
                keys.append(code)
            for key in keys:
                by_key.setdefault(area_key(key), area)
    return by_key


def _lookup(text: str) -> Area | None:
    table = load_areas()
    key = area_key(text)
    if not key:
        return None
    if key in table:
        return table[key]
    stripped = area_key(_BODY_WORDS.sub(" ", text))
    if stripped and stripped in table:
        return table[stripped]
    for suffix in (" city", " borough", " county", " city of"):
        if stripped.endswith(suffix) and stripped[: -len(suffix)] in table:
            return table[stripped[: -len(suffix)]]
    if stripped.startswith("city of ") and stripped[8:] in table:
        return table[stripped[8:]]
    return None


def resolve_area(text: str | None) -> Area | None:
    """The area a name stands for ("Bedford Borough" is Bedford); Anonymous for unnamed ones."""
    if not text or not text.strip():
        return None
    return _resolve(text, _table_path())


@lru_cache(maxsize=8192)
def _resolve(text: str, table: str) -> Area | None:
    cleaned = re.sub(r"\s+", " ", text).strip(" -–—:,.")
    if _ANONYMOUS_WORDS.match(cleaned):
        return ANONYMOUS_AREA
    return _lookup(cleaned)


def find_area_in(text: str | None, exclude: set[str] | None = None) -> Area | None:
    """The first known area named anywhere in ``text`` (longest name wins at a position)."""
    if not text:
        return None
    return _find_area_in(text, frozenset(exclude or ()), _table_path())


@lru_cache(maxsize=8192)
def _find_area_in(text: str, exclude: frozenset, table_path: str) -> Area | None:
    table = load_areas()
    words = area_key(text).split()
    exclude = exclude or set()
    i = 0
    while i < len(words):
        step = 1
        for length in range(min(6, len(words) - i), 0, -1):
            key = " ".join(words[i : i + length])
            area = table.get(key)
            if area is None or area.kind in ("nation", "national"):
                continue
            if re.fullmatch(r"[ensw]\d{8}", key):
                continue
            if area.name in exclude:
                step = length  # "North Somerset" excluded is not "Somerset"
                break
            return area
        i += step
    return None


def same_place(a: Area | None, b: Area | None) -> bool:
    """Whether two areas can name the same review's area: equal, or one covers the other."""
    if a is None or b is None:
        return False
    if a.name == b.name:
        return True
    if a.kind == "anonymous" or b.kind == "anonymous":
        return False
    return bool(set(a.codes) & set(b.codes))
