"""Which link a document gets where it is shown (review page, digest, feeds, exports).

The original while the publisher has it. When the original is gone (404 or 410) or the
publisher no longer publishes the review, the archived copy instead, labelled so. Never the
archived copy of a withheld review.
"""

from __future__ import annotations

from crawler.archivestore import WITHHELD_REVIEW_STATUSES, extension_of


def copy_path(doc: dict, review_status: str | None) -> str | None:
    """``/archive/<sha256>.<ext>`` when this document's archived copy may be shown; else None."""
    if doc.get("archive_status") != "archived" or not doc.get("sha256"):
        return None
    if review_status in WITHHELD_REVIEW_STATUSES:
        return None
    return f"/archive/{doc['sha256']}.{extension_of(doc.get('content_type'))}"


def fallback(doc: dict, review_status: str | None) -> tuple[str | None, str | None]:
    """(archive path, label) when the archived copy stands in for the original; else (None,
    None)."""
    path = copy_path(doc, review_status)
    if path is None:
        return None, None
    if doc.get("status") == "gone":
        when = doc.get("gone_since")
        return path, "archived copy; the publisher removed the original" + (
            f" on {when}" if when else ""
        )
    if review_status == "no_longer_published":
        return path, "archived copy; the publisher no longer publishes this report"
    return None, None


def in_place(doc: dict, path: str, note: str | None, url_for) -> dict:
    """The document as a feed or an export shows it: its link is the archived copy
    (``url_for(path)``), and its title says why."""
    title = f"{doc.get('title') or ''} ({note})".strip() if note else doc.get("title")
    return {**doc, "url": url_for(path), "title": title}


def one_per_file(docs: list[dict]) -> list[dict]:
    """One entry per archived file: the same report is often linked at several addresses (GOV.UK
    re-uploads it under a new /media/ path, and each board that mentions it links its own
    copy). Documents whose archived copies have the same SHA-256 are one document: the first in
    the given order (the best-ranked kind) is kept, linked at an address that still answers if
    its own is gone, and the other live addresses go in its ``mirrors``. Documents not
    archived are never merged (an address alone cannot say two files are the same)."""
    groups: dict[str, list[dict]] = {}
    order: list[object] = []
    for doc in docs:
        sha = doc.get("sha256") if doc.get("archive_status") == "archived" else None
        if not sha:
            order.append(doc)
            continue
        if sha not in groups:
            order.append(sha)
        groups.setdefault(sha, []).append(doc)
    kept = []
    for entry in order:
        if isinstance(entry, dict):
            kept.append(entry)
            continue
        first = groups[entry][0]
        live = [d for d in groups[entry] if _status(d) != "gone"]
        if live and live[0] is not first:
            # The best-ranked entry keeps its kind and title; its link becomes an address
            # that still answers, rather than the archived copy of the gone one.
            first = {**first, "url": live[0]["url"], "gone_since": None}
            first["status" if "status" in first else "doc_status"] = _status(live[0])
        mirrors = [d["url"] for d in live if d["url"] != first["url"]]
        kept.append({**first, "mirrors": mirrors} if mirrors else first)
    return kept


def _status(doc: dict) -> str | None:
    return doc.get("status", doc.get("doc_status"))


ARCHIVE_COLUMNS = "d.status AS doc_status, d.gone_since, d.archive_status, d.sha256, d.content_type"
