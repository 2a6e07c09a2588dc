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


ARCHIVE_COLUMNS = "d.status AS doc_status, d.gone_since, d.archive_status, d.sha256, d.content_type"
