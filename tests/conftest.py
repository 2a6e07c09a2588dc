"""Shared fixtures: a fresh database, saved pages as Scrapy responses, and offline harvests."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request

from crawler.database import ReviewStore
from crawler.replay import snapshot_path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "data" / "snapshot"
FILES = ROOT / "tests" / "files"
EXPECTED = ROOT / "tests" / "expected"


@pytest.fixture
def fresh_store(tmp_path):
    store = ReviewStore(tmp_path / "reviews.db")
    yield store
    store.close()


def saved_page(url: str, root: Path = SNAPSHOT, meta: dict | None = None) -> HtmlResponse:
    """The saved copy of ``url`` as the response a spider callback receives."""
    path = snapshot_path(root, url)
    assert path is not None, f"no saved page for {url} in {root}"
    request = Request(url, meta=meta or {})
    return HtmlResponse(url=url, body=path.read_bytes(), encoding="utf-8", request=request)


def run_scr(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run the ``scr`` command in a child process (Scrapy's reactor cannot restart in-process)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def snapshot_db(tmp_path_factory):
    """One offline harvest of the whole bundled snapshot, shared by read-only tests."""
    db = tmp_path_factory.mktemp("snapshot") / "reviews.db"
    result = run_scr("harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return db


def query(db, sql: str, *params) -> list[dict]:
    """Rows of a read-only query against a database file, as dicts."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()
