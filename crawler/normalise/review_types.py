"""The kind of review, from the words a listing uses, falling back on who published it."""

from __future__ import annotations

from .vocabulary import REVIEW_TYPES, type_named

__all__ = ["REVIEW_TYPES", "default_review_type", "normalise_review_type", "review_type_from_words"]


def review_type_from_words(text: str | None) -> str | None:
    """The review type the words name, or None when they name none.

    ``text`` may hold several contexts separated by " | ", nearest first (a title, then its
    summary, then the page): the first context that names a type decides.
    """
    if not text:
        return None
    for part in text.split(" | "):
        found = type_named(part)
        if found:
            return found
    return None


def default_review_type(
    nation: str | None, serves: str | None = None, year: int | None = None
) -> str | None:
    """What a board of this nation and remit publishes when its listing names no type."""
    if serves == "adults":
        if nation == "Wales":
            return "susr" if year and year >= 2025 else "apr"
        return "sar"
    if nation == "England":
        if year is None:
            return None
        return "lcspr" if year >= 2020 else "scr"
    if nation == "Wales":
        return "susr" if year and year >= 2025 else "cpr"
    if nation == "Scotland":
        if year is None:
            return None
        return "learning_review" if year >= 2022 else "scr"
    if nation == "Northern Ireland":
        return "cmr"
    if nation in ("Jersey", "Guernsey", "Isle of Man"):
        return "scr"
    return None


def normalise_review_type(
    text: str | None,
    nation: str | None = None,
    serves: str | None = None,
    year: int | None = None,
) -> str | None:
    """The review type from ``text``, else the board's default; None if neither is known.

    The nation refines the words: a Scottish "learning review" is the national type; a Northern
    Irish board's "case management review" is a CMR while elsewhere an SCR-equivalent.
    """
    kind = review_type_from_words(text)
    if kind == "cmr" and nation not in (None, "Northern Ireland"):
        kind = "scr"
    if kind in ("cpr", "apr", "susr") and nation not in (None, "Wales"):
        # "Local Safeguarding Child Practice Review" on an English page is a CSPR.
        kind = "sar" if serves == "adults" else "lcspr"
    if kind is None:
        kind = default_review_type(nation, serves, year)
    return kind
