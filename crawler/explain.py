"""Why a page gave the reviews it gave: every candidate record, kept or left out, with the
features that decided it, then the reviews as the harvest would store them.

For whoever adds a source or reports a wrong row: save the page, run ``scr explain``, and see
which hint (``scope``, ``exclude``, ``lists``) or answer would change the result.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .extract.extractor import Source as PageSource
from .extract.extractor import extract
from .extract.page import load_page
from .extract.segment import describe, segment
from .normalise.dates import year_of
from .normalise.review_types import normalise_review_type
from .registry import Source


class NothingToExplain(Exception):
    """No saved page to read."""


def saved_pages(source: Source, snapshot: Path) -> Iterator[tuple[str, bytes]]:
    """The source's listing pages from a saved-site directory, or a clear error."""
    from .replay import snapshot_path
    from .spiders.partnerships import listing_urls

    found = False
    for url in listing_urls(source.urls):
        path = snapshot_path(snapshot, url)
        if path is None:
            continue
        found = True
        yield url, path.read_bytes()
    if not found:
        raise NothingToExplain(
            f"no saved copy of {source.id}'s pages under {snapshot}: save "
            f"{source.urls[0]} there as <host>/<path> (or pass the file with --file)"
        )


def _reasons(decision: dict, limit: int = 4) -> str:
    top = sorted(decision.get("contributions", {}).items(), key=lambda kv: -abs(kv[1]))[:limit]
    return ", ".join(f"{name} {value:+.1f}" for name, value in top if value)


def explain_page(html: bytes | str, url: str, source: Source | None, tree: bool = False) -> str:
    """The decision on every record of one page, and the reviews it gives."""
    hints = source.hints if source else {}
    page_source = (
        PageSource(source.area, source.nation, source.serves, hints.get("lists"))
        if source
        else PageSource()
    )
    out = [f"== {url}"]
    if tree:
        page = load_page(html, url, scope=hints.get("scope"), exclude=hints.get("exclude"))
        out += ["-- segments", describe(segment(page.content, url)), "-- records"]
    extraction = extract(
        html, url, source=page_source, scope=hints.get("scope"), exclude=hints.get("exclude")
    )
    for title, decision in extraction.decisions:
        kept = decision.get("kept", True)
        score = decision.get("score")
        mark = "KEEP" if kept else "    "
        why = _reasons(decision) or decision.get("by", "")
        shown = " ".join(title.split())[:90]
        out.append(f"{mark} {score if score is not None else 1:.2f}  {shown!r}  [{why}]")
    out.append(f"-- {len(extraction.reviews)} review(s)")
    for review in extraction.reviews:
        kind = normalise_review_type(
            review.type_text, page_source.nation, page_source.serves, year_of(review.published)
        )
        where = review.area.name if review.area else ("national" if review.national else "")
        docs = ", ".join(d["kind"] for d in review.documents) or "no documents"
        fields = [review.name, kind or "?", review.published or "undated"]
        fields += [review.status or "published", docs, where]
        out.append("  " + " | ".join(f for f in fields if f))
    return "\n".join(out)
