"""Harvests against a loopback server that injects the real web's faults.

Phase one harvests every source while the site is healthy. Phase two turns the faults on and
harvests again. Each harvest completes; healthy sources are stored; a failing source keeps what
it had; the health record names the fault; and the exit code says the harvest was partial.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
import yaml

from crawler.normalise.areas import resolve_area

from .conftest import query as rows
from .conftest import run_scr
from .localsite import MOVED_HOST, LocalSite

pytestmark = pytest.mark.network_local

# source id -> (area, host, path). Faults that slow a site down get a loopback address of their own.
SOURCES = {
    "ok-scp": ("Kent", "127.0.0.1", "/ok/"),
    "refused-scp": ("Essex", "127.0.0.8", "/refused/"),
    "slow-scp": ("Surrey", "127.0.0.2", "/slow/"),
    "error-scp": ("Norfolk", "127.0.0.1", "/error/"),
    "busy-scp": ("Suffolk", "127.0.0.3", "/busy/"),
    "ratelimit-scp": ("Devon", "127.0.0.4", "/ratelimit/"),
    "truncated-scp": ("Lancashire", "127.0.0.1", "/truncated/"),
    "encoding-scp": ("Hampshire", "127.0.0.1", "/encoding/"),
    "loop-scp": ("Hertfordshire", "127.0.0.1", "/loop/"),
    "moved-scp": ("Leicestershire", "127.0.0.1", "/moved/"),
    "huge-scp": ("Lincolnshire", "127.0.0.1", "/huge/"),
    "robots-scp": ("Nottinghamshire", "127.0.0.1", "/private/reviews/"),
    "layout-scp": ("Staffordshire", "127.0.0.1", "/layout/"),
    "dupes-scp": ("Warwickshire", "127.0.0.1", "/dupes/"),
    "evil-scp": ("Worcestershire", "127.0.0.1", "/evil/"),
}
SETTINGS = [
    "DOWNLOAD_DELAY=0",
    "AUTOTHROTTLE_ENABLED=False",
    "DOWNLOAD_TIMEOUT=2",
    "RETRY_TIMES=1",
    "DOWNLOAD_MAXSIZE=500000",
    "DOWNLOAD_WARNSIZE=0",
    "HTTPCACHE_ENABLED=False",
    "SCR_RETRY_AFTER_MAX=5",
]


def write_registry(path, site: LocalSite, refused: LocalSite) -> None:
    entries = []
    for source_id, (area_name, host, page) in SOURCES.items():
        area = resolve_area(area_name)
        server = refused if source_id == "refused-scp" else site
        entries.append(
            {
                "id": source_id,
                "name": f"{area.name} Safeguarding Children Partnership",
                "nation": "England",
                "serves": "children",
                "area": area.name,
                "area_codes": [area.code],
                "urls": [server.url(page, host)],
            }
        )
    path.write_text(yaml.safe_dump(entries), encoding="utf-8")


def harvest(db, registry):
    args = ["harvest", "--db", str(db), *SOURCES]
    for setting in SETTINGS:
        args += ["-s", setting]
    return run_scr(
        *args, env={"SCR_REGISTRY": str(registry), "SCR_CONTACT": "mailto:test@example.org"}
    )


@pytest.fixture(scope="module")
def phases(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    db, registry = tmp / "reviews.db", tmp / "registry.yml"
    hosts = sorted({h for _, h, _ in SOURCES.values() if h != "127.0.0.8"} | {MOVED_HOST})
    with LocalSite(hosts) as site:
        refused = LocalSite(("127.0.0.8",))
        refused.__enter__()
        write_registry(registry, site, refused)
        first = harvest(db, registry)
        before = {
            "reviews": {r["id"]: r for r in rows(db, "SELECT * FROM reviews")},
            "documents": {d["url"]: d for d in rows(db, "SELECT * FROM documents")},
        }
        refused.__exit__(None, None, None)  # nothing listens there any more
        # A week on: the documents fetched by the first harvest are due their re-check.
        conn = sqlite3.connect(db)
        conn.execute("UPDATE documents SET checked = '2000-01-01T00:00:00Z'")
        conn.commit()
        conn.close()
        site.set_mode("faulty")
        second = harvest(db, registry)
        requests = dict(site.state.requests)
    return {"db": db, "first": first, "second": second, "before": before, "requests": requests}


def last_run(db, source):
    [row] = rows(db, "SELECT * FROM harvests WHERE source = ? ORDER BY id DESC LIMIT 1", source)
    row["errors"] = json.loads(row["errors"])
    return row


def reviews_of(db, source):
    return rows(
        db,
        "SELECT r.* FROM reviews r WHERE r.id IN (SELECT review_id FROM review_sources WHERE source = ?) "
        "ORDER BY r.id",
        source,
    )


def test_the_healthy_harvest_stores_every_source(phases):
    assert phases["first"].returncode == 0, phases["first"].stdout + phases["first"].stderr
    db = phases["db"]
    for source in SOURCES:
        assert len(reviews_of(db, source)) == 3, source


def test_the_faulty_harvest_completes_and_says_it_was_partial(phases):
    result = phases["second"]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    summary = result.stdout
    assert "15 sources" in summary and "not ok" in summary


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("refused-scp", "ConnectionRefused"),
        ("slow-scp", "TimeoutError"),
        ("error-scp", "HTTP 500"),
        ("ratelimit-scp", "asks to wait 3600s"),
        ("truncated-scp", "truncated body"),
        ("loop-scp", "redirect loop"),
        ("huge-scp", "larger than download max size"),
        ("robots-scp", "robots.txt"),
    ],
)
def test_a_failing_source_keeps_its_data_and_names_the_fault(phases, source, message):
    db, before = phases["db"], phases["before"]
    run = last_run(db, source)
    assert run["state"] == "failing"
    assert any(message.lower() in e.lower() for e in run["errors"]), run["errors"]
    [health] = rows(db, "SELECT * FROM sources WHERE id = ?", source)
    assert health["state"] == "failing"
    assert health["failing_since"] and message.lower() in health["last_error"].lower()
    for review in reviews_of(db, source):
        assert review == before["reviews"][review["id"]]  # untouched, still listed
        assert review["listed"] == 1


def test_retry_after_is_honoured_and_the_source_recovers(phases):
    db = phases["db"]
    run = last_run(db, "busy-scp")
    assert run["state"] == "ok" and run["items"] == 3
    # The server answered 503 with Retry-After: 1, then 200 to the retry.
    assert phases["requests"]["/busy/"] == 2
    assert [r["listed"] for r in reviews_of(db, "busy-scp")] == [1, 1, 1]


def test_a_broken_encoding_is_read_anyway(phases):
    run = last_run(phases["db"], "encoding-scp")
    assert run["state"] == "ok" and run["items"] == 3


def test_a_move_to_another_site_is_followed_and_noted(phases):
    run = last_run(phases["db"], "moved-scp")
    assert run["state"] == "ok" and run["items"] == 3
    assert any("moved to another site" in e for e in run["errors"])


def test_a_layout_change_is_suspect_and_unlists_nothing(phases):
    db, before = phases["db"], phases["before"]
    run = last_run(db, "layout-scp")
    assert (run["state"], run["items"]) == ("suspect", 0)
    assert "usually lists 3" in run["errors"][-1]
    for review in reviews_of(db, "layout-scp"):
        assert review == before["reviews"][review["id"]]


def test_duplicate_entries_make_one_review_and_a_vanished_one_is_unlisted(phases):
    db = phases["db"]
    reviews = {r["pseudonym"]: r for r in reviews_of(db, "dupes-scp")}
    assert sorted(reviews) == ["Child D1", "Child D2", "Child D3"]
    assert (reviews["Child D1"]["listed"], reviews["Child D2"]["listed"]) == (1, 1)
    assert reviews["Child D3"]["listed"] == 0 and reviews["Child D3"]["unlisted_since"]
    assert last_run(db, "dupes-scp")["items"] == 2


def test_html_and_javascript_urls_in_scraped_fields_are_neutralised(phases):
    db = phases["db"]
    values = json.dumps(rows(db, "SELECT * FROM reviews")) + json.dumps(
        rows(db, "SELECT * FROM documents")
    )
    assert "<script" not in values and "javascript:" not in values and "data:text" not in values
    [evil] = [r for r in reviews_of(db, "evil-scp") if r["pseudonym"] == "Child E2"]
    assert evil["title"] == "Child E2: local child safeguarding practice review, Worcestershire"
    headings = rows(db, "SELECT source_title FROM review_sources WHERE review_id = ?", evil["id"])
    assert any(h["source_title"].startswith("alert(1) Child E2") for h in headings)
    docs = rows(db, "SELECT url, kind FROM documents WHERE review_id = ?", evil["id"])
    assert [d["url"].rsplit("/", 1)[-1] for d in docs] == ["child-e2.pdf"]


def test_a_document_that_now_404s_is_marked_gone_and_kept(phases):
    db = phases["db"]
    gone = rows(db, "SELECT * FROM documents WHERE status = 'gone'")
    assert [d["url"].rsplit("/", 1)[-1] for d in gone] == ["child-o1.pdf"]
    assert gone[0]["gone_since"] and gone[0]["review_id"]
    available = rows(db, "SELECT count(*) AS n FROM documents WHERE status = 'available'")
    assert available[0]["n"] >= 10


def test_the_user_agent_names_the_project_and_a_contact(phases):
    # The server saw requests; the harvest's settings carry the contact given in SCR_CONTACT.
    from crawler import settings

    assert "scr-digest" in settings.USER_AGENT and settings.ROBOTSTXT_OBEY is True
    assert settings.AUTOTHROTTLE_ENABLED is True and settings.CONCURRENT_REQUESTS_PER_DOMAIN == 1


def test_the_spider_reads_its_database_through_one_connection_and_recovers_from_a_bad_read(
    tmp_path,
):
    from scrapy.settings import Settings

    from crawler.database import ReviewStore
    from crawler.spiders.partnerships import PartnershipSpider

    db = tmp_path / "reviews.db"
    spider = PartnershipSpider()
    spider.settings = Settings({"SCR_DB_PATH": str(db)})
    assert spider.read_db("SELECT 1") == []  # no database yet: nothing, and no connection kept
    assert getattr(spider, "_reader", None) is None
    ReviewStore(db).close()
    assert spider.read_db("SELECT count(*) FROM reviews") == [(0,)]
    reader = spider._reader
    assert spider.read_db("SELECT count(*) FROM sources") == [(0,)]
    assert spider._reader is reader  # the same connection for the next read
    assert spider.read_db("SELECT * FROM no_such_table") == []  # logged, not raised
    assert spider._reader is None  # dropped: the next read connects afresh
    assert spider.read_db("SELECT count(*) FROM reviews") == [(0,)]
    spider.closed("finished")
    assert spider._reader is None
