"""Run a harvest: choose spiders for the requested sources, crawl, and report per source."""

from __future__ import annotations

import fcntl
import gc
import logging
import os
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from .database import HarvestLocked, ReviewStore, utc_now
from .registry import load_registry

# Collections of sources a harvest can be asked for by name, and the spider that serves each.
SPIDERS = {
    "nspcc": "crawler.spiders.nspcc.NspccSpider",
    "govuk": "crawler.spiders.govuk.GovukSpider",
    "partnerships": "crawler.spiders.partnerships.PartnershipSpider",
}


class HarvestBroken(RuntimeError):
    """A spider could not start at all: nothing was harvested for its sources."""


@dataclass
class Plan:
    spider_path: str
    kwargs: dict

    @property
    def spider(self):
        module, name = self.spider_path.rsplit(".", 1)
        return getattr(import_module(module), name)


def plan_harvest(selectors: list[str], full: bool = False) -> list[Plan]:
    """The spiders to run for ``selectors`` (collection names or registry ids; none means all)."""
    registry_ids = {s.id for s in load_registry()}
    unknown = [s for s in selectors if s not in SPIDERS and s not in registry_ids]
    if unknown:
        raise ValueError(
            f"unknown source {', '.join(unknown)}: use one of {', '.join(SPIDERS)}, "
            "or a registry id (see `scr sources`)"
        )
    # Incremental spiders ask only for what changed, unless a full harvest is wanted.
    extra = {"govuk": {"full": True}} if full else {}
    if not selectors:
        return [Plan(path, dict(extra.get(name, {}))) for name, path in SPIDERS.items()]
    plans = [
        Plan(SPIDERS[s], dict(extra.get(s, {}))) for s in dict.fromkeys(selectors) if s in SPIDERS
    ]
    chosen = [s for s in selectors if s in registry_ids]
    if chosen and "partnerships" not in selectors:
        plans.append(Plan(SPIDERS["partnerships"], {"sources": ",".join(chosen)}))
    return plans


def _later_than_any_run(store) -> str:
    """This run's start, to the second, later than any earlier run's. What a run saw is what it
    stamped with its start (``last_seen``): a run starting within the second another started
    (back-to-back runs of a small source) would count the other's sightings as its own, and
    take none of them for unlisted."""
    latest = store.conn.execute(
        "SELECT max(m) FROM (SELECT max(started) m FROM harvests"
        " UNION ALL SELECT max(last_seen) FROM review_sources)"
    ).fetchone()[0]
    started = utc_now()
    if latest == started:  # (a later one is a clock set back, or a copied database: no wait)
        time.sleep(1.02 - time.time() % 1)  # into the next second
        started = utc_now()
    return started


@contextmanager
def harvest_lock(db_path: Path, wait: bool = False):
    """Only one harvest may write a database at a time."""
    lock_path = Path(f"{db_path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise HarvestLocked(
                f"another harvest is already writing {db_path} ({holder}); "
                "wait for it to finish, or pass --wait"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {utc_now()}")
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def with_start_delay(overrides: dict) -> dict:
    """The -s settings, with AutoThrottle's start delay following an overridden DOWNLOAD_DELAY:
    AutoThrottle starts each site at its start delay and never shortens it on a 304, so a
    re-harvest with -s DOWNLOAD_DELAY=0.3 kept the default 2 s between requests."""
    overrides = dict(overrides)
    if "DOWNLOAD_DELAY" in overrides:
        overrides.setdefault("AUTOTHROTTLE_START_DELAY", overrides["DOWNLOAD_DELAY"])
    return overrides


@contextmanager
def _quiet_collector():
    """Start-up made hundreds of thousands of long-lived objects (modules, compiled patterns,
    Scrapy's components): set them aside so the collector stops rescanning them, and collect
    the young generation every 10,000 new objects instead of 700 (a harvest makes millions,
    nearly all freed by reference counting). GC time of the 60-site bench: 0.29 s to 0.13 s.
    (No collection first: start-up leaves a few dozen unreachable objects, not worth 30 ms.)"""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def crawl_settings(db_path: Path, snapshot: Path | None, run_id: str, started: str, progress):
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.set("SCR_DB_PATH", str(db_path))
    settings.set("SCR_RUN_ID", run_id)
    settings.set("SCR_RUN_STARTED", started)
    settings.set("SCR_PROGRESS", progress)
    settings.set("HTTPCACHE_DIR", str(Path(db_path).resolve().parent / "httpcache"))
    if snapshot is not None:
        settings.set("SNAPSHOT_DIR", str(snapshot))
        settings.set("HTTPCACHE_ENABLED", False)
        settings.set("DOWNLOAD_DELAY", 0)
        settings.set("AUTOTHROTTLE_ENABLED", False)
        settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", 8)
        settings.set("RETRY_ENABLED", False)
        settings.set("SCR_CHECK_DOCUMENTS", False)  # saved pages, not saved PDFs
        settings.set("SCR_INCREMENTAL", False)  # a saved copy has no "since the last harvest"
    return settings


def run_harvest(
    db_path: str | Path,
    selectors: list[str],
    snapshot: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
    wait: bool = False,
    settings_overrides: dict | None = None,
    full: bool = False,
) -> list[dict]:
    """Harvest the chosen sources into ``db_path``; returns this run's ``harvests`` rows."""
    from scrapy.crawler import CrawlerProcess

    db_path = Path(db_path)
    plans = plan_harvest(selectors, full=full)
    snapshot_dir = Path(snapshot) if snapshot else None
    if snapshot_dir is not None and not snapshot_dir.is_dir():
        raise FileNotFoundError(f"snapshot directory {snapshot_dir} does not exist")
    with harvest_lock(db_path, wait=wait):
        store = ReviewStore(db_path)  # create or migrate before any spider opens it
        try:
            started = _later_than_any_run(store)
        finally:
            store.close()
        run_id = uuid.uuid4().hex[:12]
        settings = crawl_settings(db_path, snapshot_dir, run_id, started, progress)
        for key, value in with_start_delay(settings_overrides or {}).items():
            settings.set(key, value)
        settings.set("LOG_INSTALL_ROOT_HANDLER", False)
        process = CrawlerProcess(settings)
        # Scrapy leaves the root logger at NOTSET, so each request and item built a debug
        # record that no handler wanted.
        scrapy_logger = logging.getLogger("scrapy")
        level = scrapy_logger.level
        scrapy_logger.setLevel(settings.get("LOG_LEVEL"))
        broken: list[str] = []
        for plan in plans:
            outcome = process.crawl(plan.spider, **plan.kwargs)
            outcome.addErrback(lambda failure, name=plan.spider_path: broken.append(
                f"{name.rsplit('.', 1)[1]} could not run: {failure.getErrorMessage()}"
            ))  # fmt: skip
        try:
            with _quiet_collector():
                process.start()
        finally:
            scrapy_logger.setLevel(level)  # as it was, for a caller that goes on running
        if broken:  # a crawler that never started (a bad setting, a missing component)
            raise HarvestBroken("; ".join(broken))
        store = ReviewStore(db_path)
        try:
            rows = store.conn.execute(
                "SELECT * FROM harvests WHERE run_id = ? ORDER BY source", (run_id,)
            ).fetchall()
            return [dict(r) for r in rows]
        finally:
            store.close()
