"""What a daily harvest must survive: being killed, running beside the server, re-running with
nothing changed; and one harvest at a time."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest
import yaml

from .conftest import ROOT, run_scr, serving
from .localsite import PAGES, LocalSite

pytestmark = pytest.mark.network_local

FAST = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "RETRY_TIMES=0"]


def registry(tmp_path, site: LocalSite, path: str, source_id: str = "kent-scp") -> str:
    target = tmp_path / "registry.yml"
    target.write_text(
        yaml.safe_dump(
            [
                {
                    "id": source_id,
                    "name": "Kent Safeguarding Children Multi-Agency Partnership",
                    "nation": "England",
                    "serves": "children",
                    "area": "Kent",
                    "area_codes": ["E10000016"],
                    "urls": [site.url(path)],
                }
            ]
        ),
        encoding="utf-8",
    )
    return str(target)


def harvest_command(db, settings=FAST) -> list[str]:
    command = [sys.executable, "-m", "crawler.cli", "harvest", "--db", str(db), "-q", "kent-scp"]
    for setting in settings:
        command += ["-s", setting]
    return command


def count(db, sql="SELECT count(*) FROM reviews"):
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def test_a_harvest_killed_partway_leaves_a_sound_database(tmp_path):
    db = tmp_path / "reviews.db"
    with LocalSite() as site:
        env = {**os.environ, "SCR_REGISTRY": registry(tmp_path, site, "/slowpages/")}
        process = subprocess.Popen(harvest_command(db), cwd=ROOT, env=env)
        deadline = time.monotonic() + 60
        while count(db) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        stored = count(db)
        assert 5 <= stored < PAGES
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        again = subprocess.run(
            harvest_command(db), cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert again.returncode == 0, again.stderr
    assert count(db) == PAGES
    assert count(db, "SELECT count(DISTINCT name_key) FROM reviews") == PAGES
    assert count(db, "SELECT count(*) FROM documents") == PAGES


def test_datasette_keeps_answering_while_a_harvest_writes(tmp_path):
    db = tmp_path / "reviews.db"
    with LocalSite() as site:
        env = {**os.environ, "SCR_REGISTRY": registry(tmp_path, site, "/slowpages/")}
        first = subprocess.run(
            harvest_command(db), cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert first.returncode == 0, first.stderr
        with serving(db) as base:
            # A second harvest rewrites every sighting while readers keep asking.
            conn = sqlite3.connect(db)
            conn.execute("UPDATE documents SET checked = NULL")
            conn.commit()
            conn.close()
            writer = subprocess.Popen(harvest_command(db), cwd=ROOT, env=env)
            statuses, errors = [], []

            def read():
                paths = [
                    "/reviews/reviews.json?_size=5",
                    "/digest/2019-06",
                    "/reviews/feed.rss",
                    "/reviews/reviews?_search=child",
                ]
                while writer.poll() is None:
                    for path in paths:
                        try:
                            with urllib.request.urlopen(base + path, timeout=10) as response:
                                statuses.append(response.status)
                        except Exception as exc:  # any failure at all is what this test counts
                            errors.append(f"{path}: {exc}")

            readers = [threading.Thread(target=read) for _ in range(4)]
            for reader in readers:
                reader.start()
            for reader in readers:
                reader.join()
            assert writer.wait() == 0
    assert errors == []
    assert len(statuses) >= 20 and set(statuses) == {200}


def test_an_unchanged_reharvest_revalidates_instead_of_downloading(tmp_path):
    db = tmp_path / "reviews.db"
    with LocalSite() as site:
        env = {"SCR_REGISTRY": registry(tmp_path, site, "/slowpages/")}
        settings = [*FAST, "HTTPCACHE_ENABLED=True"]
        cold = run_scr(*harvest_command(db, settings)[3:], env=env)
        assert cold.returncode == 0, cold.stderr
        cold_bytes = site.state.bytes_sent
        cold_pages = sum(n for p, n in site.state.requests.items() if not p.endswith(".pdf"))
        cold_pdfs = sum(n for p, n in site.state.requests.items() if p.endswith(".pdf"))
        site.set_mode("healthy")  # resets the counters
        before = count(db, "SELECT group_concat(id || published, ',') FROM reviews")
        warm = run_scr(*harvest_command(db, settings)[3:], env=env)
        assert warm.returncode == 0, warm.stderr
        warm_bytes = site.state.bytes_sent
        warm_pages = sum(n for p, n in site.state.requests.items() if not p.endswith(".pdf"))
        warm_pdfs = sum(n for p, n in site.state.requests.items() if p.endswith(".pdf"))
    assert count(db, "SELECT group_concat(id || published, ',') FROM reviews") == before
    # Every page is asked again (If-None-Match), but answered 304 with no body; the documents
    # the first harvest fetched are not fetched again (that was their check for the week).
    assert (cold_pages, cold_pdfs) == (21, 20)
    assert (warm_pages, warm_pdfs) == (21, 0)
    assert warm_bytes < cold_bytes * 0.05, (cold_bytes, warm_bytes)


def test_a_second_harvest_can_wait_for_the_first(tmp_path):
    from crawler.harvest import harvest_lock

    db = tmp_path / "reviews.db"
    with LocalSite() as site:
        env = {**os.environ, "SCR_REGISTRY": registry(tmp_path, site, "/ok/")}
        with harvest_lock(db):
            waiting = subprocess.Popen([*harvest_command(db), "--wait"], cwd=ROOT, env=env)
            time.sleep(1.5)
            assert waiting.poll() is None  # still waiting for the lock
        assert waiting.wait(timeout=60) == 0
    assert count(db) == 3
