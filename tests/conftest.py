"""Shared fixtures: a fresh database, saved pages as Scrapy responses, and offline harvests."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from crawler.database import ReviewStore

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "data" / "snapshot"
FILES = ROOT / "tests" / "files"
EXPECTED = ROOT / "tests" / "expected"


@pytest.fixture
def fresh_store(tmp_path):
    store = ReviewStore(tmp_path / "reviews.db")
    yield store
    store.close()


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


@contextmanager
def serving(db):
    """`scr serve` on a free loopback port for the length of the block; yields its base URL.

    Its output goes to a file: uvicorn logs a line per request, and a pipe nobody reads fills
    after about 900 of them, the server then blocks writing its log and cannot stop (the slow
    SIGTERM stops seen in the full suite, under the test that reads while a harvest writes)."""
    from .localsite import free_port

    port = free_port()
    with tempfile.TemporaryFile() as log:

        def output() -> str:
            log.seek(0)
            return log.read().decode(errors="replace")

        process = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", str(port)],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except OSError:
                    if process.poll() is not None:
                        raise RuntimeError(output()) from None
                    if time.monotonic() > deadline:
                        raise RuntimeError("scr serve did not start within 60 seconds") from None
                    time.sleep(0.2)
            yield f"http://127.0.0.1:{port}"
        finally:
            failing = sys.exc_info()[0] is not None  # the test's own failure comes first
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                if not failing:
                    raise AssertionError(
                        f"scr serve did not stop on SIGTERM within 10 s: {output()[-1500:]}"
                    ) from None
