"""Keep the reports: download each review's documents once into a content-addressed archive
(``<aa>/<sha256>.<ext>``), read their text page by page, and record what each download gave.

Built on Scrapy's ``FilesPipeline``, so downloads go through the same downloader as pages:
robots.txt, one request per site with its delay, Retry-After. The archive's location is
Scrapy's ``FILES_STORE``: a folder (by default ``archive/`` beside the database) or, for
users who outgrow a disk, any store Scrapy supports (``s3://bucket/prefix`` with
``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY`` and ``AWS_ENDPOINT_URL`` for an
S3-compatible service). Local files are written under a temporary name and renamed, so a
killed harvest never leaves half a file.
"""

from __future__ import annotations

import hashlib
import os
import time
from io import BytesIO
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http.request import NO_CALLBACK
from scrapy.pipelines.files import FilesPipeline, FSFilesStore
from scrapy.utils.defer import ensure_awaitable

from ..archivestore import WITHHELD_REVIEW_STATUSES, archive_path
from ..database import release_store, shared_store, utc_now
from ..items import ReviewItem
from ..politeness import header_text
from ..reporttext import CONTENT_TYPES, extract, front_page_facts

DEFAULT_MAXSIZE = 50 * 1024 * 1024


class AtomicFilesStore(FSFilesStore):
    """A local archive folder: a file appears whole or not at all, and a file that is already
    there (the same bytes: its name is their hash) is not written again."""

    def persist_file(self, path, buf, info, meta=None, headers=None) -> None:
        target = self._get_filesystem_path(path)
        if target.exists():
            return
        self._mkdir(target.parent, info)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
        with open(temporary, "wb") as fh:
            fh.write(buf.getvalue())
            fh.flush()
            os.fsync(fh.fileno())
            if os.environ.get("SCR_ARCHIVE_PAUSE"):  # tests kill a harvest here
                time.sleep(600)
        os.replace(temporary, target)

    def clear_leftovers(self) -> int:
        """Remove the partial files of harvests that were killed while writing them."""
        removed = 0
        for path in Path(self.basedir).glob("*/.*.part"):
            try:
                pid = int(path.name.rsplit(".", 2)[-2])
                os.kill(pid, 0)
                continue  # that harvest is still running
            except (ValueError, ProcessLookupError):
                pass
            except PermissionError:
                continue
            path.unlink(missing_ok=True)
            removed += 1
        return removed


def archive_dir(settings) -> Path | None:
    """The local archive folder a harvest writes and ``scr serve`` reads (None for S3 etc.)."""
    store = settings.get("FILES_STORE") or ""
    if not store:
        return Path(settings.get("SCR_DB_PATH") or "data/reviews.db").resolve().parent / "archive"
    if store.startswith("file://"):
        return Path(store[len("file://") :])
    return None if "://" in store else Path(store)


class ArchivePipeline(FilesPipeline):
    STORE_SCHEMES = {**FilesPipeline.STORE_SCHEMES, "": AtomicFilesStore, "file": AtomicFilesStore}

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("SCR_ARCHIVE", True):
            raise NotConfigured("the document archive is off (SCR_ARCHIVE)")
        cls._update_stores(settings)
        local = archive_dir(settings)
        pipe = cls(str(local) if local else settings.get("FILES_STORE"), crawler=crawler)
        pipe.db_path = settings.get("SCR_DB_PATH")
        pipe.local_dir = local
        pipe.maxsize = settings.getint("SCR_ARCHIVE_MAXSIZE", DEFAULT_MAXSIZE)
        pipe.keep_withheld = settings.getbool("SCR_ARCHIVE_KEEP_WITHHELD", False)
        pipe.mark_gone = settings.getbool("SCR_CHECK_DOCUMENTS", True)
        pipe.stats = crawler.stats
        return pipe

    def open_spider(self, spider=None):
        super().open_spider()
        if isinstance(self.store, AtomicFilesStore):
            self.store.clear_leftovers()
        # The harvest's shared connection: the store pipeline's batched writes and these never
        # wait for each other's lock (both run on the crawl's one thread).
        self.db = shared_store(self.db_path)
        self.db.withhold(self.local_dir, self.keep_withheld)

    def close_spider(self, spider=None):
        self.db.withhold(self.local_dir, self.keep_withheld)
        release_store(self.db)

    # -- what to download ------------------------------------------------------------------

    def get_media_requests(self, item, info):
        if not isinstance(item, ReviewItem):
            return []
        adapter = ItemAdapter(item)
        if adapter.get("status") in WITHHELD_REVIEW_STATUSES:  # at once, not at the end
            self.db.withhold(self.local_dir, self.keep_withheld)
        urls = [d.get("url") for d in adapter.get("documents") or [] if d.get("url")]
        due = self.db.archive_due(urls, utc_now())
        return [
            Request(
                url,
                callback=NO_CALLBACK,
                priority=-5,
                meta={
                    "archive_source": adapter.get("source"),
                    "dont_cache": True,  # the archive is the copy; the HTTP cache keeps none
                    "download_maxsize": self.maxsize,
                    "download_warnsize": 0,
                },
            )
            for url in due
        ]

    def media_to_download(self, request, info, *, item=None):
        return None  # archive_due already decided: download it

    # -- what a download gave --------------------------------------------------------------

    async def media_downloaded(self, response, request, info, *, item=None):
        url = request.url
        now = utc_now()
        source = request.meta.get("archive_source")
        if response.status != 200:
            if response.status in (404, 410) and self.mark_gone:
                self.db.set_document_status(url, "gone", now)
            self.db.record_failure(url, "failed", f"HTTP {response.status}", now)
            return self._result(url, "failed", source)
        body = response.body
        if len(body) > self.maxsize:
            self._too_large(url, len(body), now)
            return self._result(url, "too_large", source)
        extracted = extract(body)
        if extracted.kind is None:
            self.db.record_archive(
                url, {"archive_status": "not_a_document", "archive_note": extracted.note,
                      "fetched": now, "bytes": len(body), "checked": now},
            )  # fmt: skip
            return self._result(url, "not_a_document", source)
        if extracted.status in ("too_large", "damaged"):
            status = "too_large" if extracted.status == "too_large" else "failed"
            self.db.record_failure(url, status, extracted.note, now)
            return self._result(url, status, source)
        sha = hashlib.sha256(body).hexdigest()
        path = archive_path(sha, extracted.kind)
        await ensure_awaitable(self.store.persist_file(path, BytesIO(body), info))
        if extracted.pages:
            self.db.store_pages(sha, extracted.pages)
        replaced = self.db.conn.execute(
            "SELECT sha256 FROM documents WHERE url = ?", (url,)
        ).fetchone()
        self.db.record_archive(
            url,
            {
                "archive_status": "archived",
                "archive_note": extracted.note,
                "sha256": sha,
                "bytes": len(body),
                "content_type": CONTENT_TYPES[extracted.kind],
                "fetched": now,
                "checked": now,  # a download is a check: no HEAD for a week
                "pages": len(extracted.pages) or None,
                "text_chars": extracted.text_chars,
                "text_status": extracted.status,
                "etag": header_text(response, b"ETag"),
                "last_modified": header_text(response, b"Last-Modified"),
                "archive_retry": None,
            },
        )
        if replaced and replaced[0] != sha:  # a new version at the same URL
            self.db.forget_if_orphan(replaced[0], self.local_dir)
        if extracted.pages:
            self.db.fill_from_report(url, front_page_facts(extracted))
        return self._result(url, "archived", source, path=path, checksum=sha)

    def media_failed(self, failure, request, info):
        message = str(failure.value) or type(failure.value).__name__
        now = utc_now()
        if "max size" in message or "maxsize" in message:
            self._too_large(request.url, None, now)
        else:
            self.db.record_failure(request.url, "failed", message[:200], now, answered=False)
        self._count(request.meta.get("archive_source"), "archive_failed")
        return super().media_failed(failure, request, info)

    def item_completed(self, results, item, info):
        return item

    def _too_large(self, url: str, size: int | None, now: str) -> None:
        cap = self.maxsize // (1024 * 1024)
        note = f"larger than the {cap} MB cap" + (f" ({size // (1024 * 1024)} MB)" if size else "")
        self.db.record_failure(url, "too_large", note, now)

    def _result(self, url, status, source, path=None, checksum=None) -> dict:
        self._count(source, status)
        return {"url": url, "path": path, "checksum": checksum, "status": status}

    def _count(self, source: str | None, status: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"scr/archive/{status}")
            if source and status == "archived":
                self.stats.inc_value(f"scr/source/{source}/archived")
