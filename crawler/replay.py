"""Offline replay: answer every request from a directory laid out as ``wget --mirror`` writes.

``DIR/<host>/<path>``; a path ending in ``/`` is ``index.html`` in that folder; a query string
stays in the file name after ``?``; http and https are the same file. The content type comes
from the extension, else from the bytes, else HTML. A missing file is a 404.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from scrapy.exceptions import NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain; charset=utf-8",
}


def snapshot_path(root: Path, url: str) -> Path | None:
    """The file in ``root`` that stands for ``url``, or None if there is none."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    hosts = [parts.netloc.lower(), parts.hostname.lower()]
    path = parts.path or "/"
    candidates = []
    for host in dict.fromkeys(hosts):
        for p in dict.fromkeys([unquote(path), path]):
            relative = p.lstrip("/")
            if p.endswith("/"):
                relative += "index.html"
            if parts.query:
                relative += "?" + parts.query
            candidates.append((host, root / host / relative))
            if not p.endswith("/") and not parts.query:
                candidates.append((host, root / host / relative / "index.html"))
    for host, candidate in candidates:
        try:
            resolved = candidate.resolve()
            site = (root / host).resolve()
        except OSError:
            continue
        if site not in resolved.parents:
            continue  # never serve outside the site's own folder (../ in a URL)
        if resolved.is_file():
            return resolved
    return None


def sniff_content_type(path: Path, body: bytes) -> str:
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    head = body[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "application/pdf"
    if head.startswith(b"pk\x03\x04"):
        return CONTENT_TYPES[".docx"]
    if head.startswith((b"{", b"[")):
        return "application/json"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        if b"<rss" in head:
            return "application/rss+xml"
        if b"<feed" in head:
            return "application/atom+xml"
        if b"<html" not in head and b"<!doctype html" not in head:
            return "application/xml"
    return "text/html; charset=utf-8"


class SnapshotMiddleware:
    """A downloader middleware that serves requests from ``SNAPSHOT_DIR`` and never the network."""

    def __init__(self, root: Path):
        self.root = root

    @classmethod
    def from_crawler(cls, crawler):
        root = crawler.settings.get("SNAPSHOT_DIR")
        if not root:
            raise NotConfigured
        root = Path(root)
        if not root.is_dir():
            raise NotConfigured(f"snapshot directory {root} does not exist")
        return cls(root)

    def process_request(self, request, spider=None):
        path = snapshot_path(self.root, request.url)
        if path is None:
            return responsetypes.from_args(url=request.url)(
                url=request.url, status=404, body=b"", request=request
            )
        body = path.read_bytes()
        body_out = b"" if request.method == "HEAD" else body
        headers = Headers(
            {"Content-Type": sniff_content_type(path, body), "Content-Length": str(len(body))}
        )
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=200, headers=headers, body=body_out, request=request)
