"""The document archive: every kind of file a harvest meets gets a recorded status and no
crash; identical files are kept once; nothing is fetched twice; the withheld rule; archived
copies stand in for originals that are gone; report text is searchable by page."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from crawler.archivestore import retry_after
from crawler.normalise.areas import resolve_area
from crawler.reporttext import extract, front_page_facts

from . import docfactory as make
from .conftest import ROOT, query, run_scr

HOST = "reports.example.org"
LISTING = "/case-reviews/"
PAGE_ONE = (
    "Serious Case Review\nChild A\nPublished: 14 March 2022\nExample Safeguarding Partnership"
)
PAGE_TWO = "The baby was not brought to three health appointments, and nobody asked why."
PAGE_THREE = "Professionals accepted the parents' account without curiosity about the bruising."
REPORT_A = make.pdf([PAGE_ONE, PAGE_TWO, PAGE_THREE], title="Child A")

# (review heading, link text, path, bytes): what the listing links and what the site serves.
FILES = {
    "a-report": ("Child A", "Child A full report", "/docs/child-a-report.pdf", REPORT_A),
    "a-copy": ("Child A", "Child A executive summary", "/docs/child-a-summary.pdf", REPORT_A),
    "b-scan": ("Child B", "Child B full report", "/docs/child-b-report.pdf", make.scanned_pdf()),
    "c-locked": ("Child C", "Child C full report", "/docs/child-c-report.pdf",
                 make.pdf(["Locked text about Child C and the review."] * 2, password="secret")),
    "d-broken": ("Child D", "Child D full report", "/docs/child-d-report.pdf",
                 REPORT_A[: len(REPORT_A) // 3]),
    "e-html": ("Child E", "Child E full report", "/docs/child-e-report.pdf", make.HTML_PAGE),
    "f-empty": ("Child F", "Child F full report", "/docs/child-f-report.pdf", b""),
    "g-bomb": ("Child G", "Child G full report", "/docs/child-g-report.docx", make.zip_bomb_docx()),
    "h-docx": ("Child H", "Child H full report", "/docs/child-h-report.docx",
               make.docx(["Child H safeguarding practice review.", "Cuckooing of the family home."])),
    "j-missing": ("Child J", "Child J full report", "/docs/child-j-report.pdf", None),
    "l-robots": ("Child L", "Child L full report", "/private/child-l-report.pdf",
                 make.pdf(["Child L report text that robots.txt keeps us from fetching."])),
}  # fmt: skip


def listing_html(withheld: bool = True) -> bytes:
    by_review: dict[str, list[tuple[str, str]]] = {}
    for name, text, path, _ in FILES.values():
        by_review.setdefault(name, []).append((text, path))
    sections = []
    for name, links in by_review.items():
        items = "".join(f'<li><a href="{path}">{text}</a></li>' for text, path in links)
        sections.append(
            f"<h3>{name} - Child Safeguarding Practice Review (published 3 March 2023)</h3>"
            f"<p>The partnership published the review of {name} on 3 March 2023.</p><ul>{items}</ul>"
        )
    if withheld:
        sections.append(
            "<h3>Child K - Child Safeguarding Practice Review</h3><p>The review of Child K will"
            " not be published, to protect the family. A statement is available.</p>"
            '<ul><li><a href="/docs/child-k-statement.pdf">Child K statement</a></li></ul>'
        )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Case reviews</title></head><body>"
        f"<main><h1>Case reviews</h1>{''.join(sections)}</main></body></html>"
    ).encode()


K_STATEMENT = make.pdf(["Statement on the review of Child K, which will not be published."])


def build_site(tmp: Path, withheld: bool = True) -> None:
    """The site's saved pages under ``tmp/site``, and its registry entry in ``tmp``."""
    write_registry(tmp / "registry.yml")
    site = tmp / "site" / HOST
    (site / LISTING.strip("/")).mkdir(parents=True, exist_ok=True)
    (site / LISTING.strip("/") / "index.html").write_bytes(listing_html(withheld))
    (site / "robots.txt").write_bytes(b"User-agent: *\nDisallow: /private/\n")
    for _, _, path, body in FILES.values():
        if body is not None:
            target = site / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
    (site / "docs" / "child-k-statement.pdf").write_bytes(K_STATEMENT)


def withdraw(tmp: Path, name: str) -> None:
    """The listing now says the review of ``name`` will not be published."""
    page = tmp / "site" / HOST / LISTING.strip("/") / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace(
        f"{name} - Child Safeguarding Practice Review (published 3 March 2023)",
        f"{name} - Child Safeguarding Practice Review",
    )
    html = html.replace(
        f"The partnership published the review of {name} on 3 March 2023.",
        f"The review of {name} will not be published, to protect the family.",
    )
    page.write_text(html, encoding="utf-8")  # fmt: skip


def write_registry(path: Path) -> None:
    area = resolve_area("Kent")
    entry = {
        "id": "example-scp",
        "name": "Kent Safeguarding Children Partnership",
        "nation": "England",
        "serves": "children",
        "area": area.name,
        "area_codes": [area.code],
        "urls": [f"https://{HOST}{LISTING}"],
    }
    path.write_text(yaml.safe_dump([entry]), encoding="utf-8")


def harvest(tmp: Path, *settings: str, env: dict | None = None):
    args = [
        "harvest",
        "example-scp",
        "--snapshot",
        str(tmp / "site"),
        "--db",
        str(tmp / "reviews.db"),
    ]
    for setting in settings:
        args += ["-s", setting]
    return run_scr(*args, env={"SCR_REGISTRY": str(tmp / "registry.yml"), **(env or {})})


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("archive")
    build_site(tmp)
    first = harvest(tmp)
    assert first.returncode == 0, first.stdout + first.stderr
    documents = {
        d["url"].rsplit("/", 1)[1]: d for d in query(tmp / "reviews.db", "SELECT * FROM documents")
    }
    files = sorted(
        p.relative_to(tmp / "archive") for p in (tmp / "archive").rglob("*") if p.is_file()
    )
    mtimes = {p: (tmp / "archive" / p).stat().st_mtime_ns for p in files}
    second = harvest(tmp)
    assert second.returncode == 0, second.stdout + second.stderr
    return {"tmp": tmp, "db": tmp / "reviews.db", "documents": documents, "files": files,
            "mtimes": mtimes, "after": {d["url"].rsplit("/", 1)[1]: d for d in
                                        query(tmp / "reviews.db", "SELECT * FROM documents")}}  # fmt: skip


def doc(archived, name: str) -> dict:
    return archived["documents"][name]


# -- each kind of file -------------------------------------------------------------------------


def test_a_real_report_is_archived_with_its_text_page_by_page(archived):
    report = doc(archived, "child-a-report.pdf")
    sha = hashlib.sha256(REPORT_A).hexdigest()
    assert report["archive_status"] == "archived"
    assert report["sha256"] == sha
    assert report["bytes"] == len(REPORT_A)
    assert report["content_type"] == "application/pdf"
    assert report["pages"] == 3
    assert report["text_status"] == "text"
    assert report["fetched"] and report["checked"] == report["fetched"]
    pages = query(
        archived["db"], "SELECT page, text FROM document_pages WHERE sha256 = ? ORDER BY page", sha
    )
    assert [p["page"] for p in pages] == [1, 2, 3]
    assert "not brought to three health appointments" in pages[1]["text"]
    assert report["text_chars"] == sum(len(p["text"]) for p in pages)
    assert (archived["tmp"] / "archive" / sha[:2] / f"{sha}.pdf").read_bytes() == REPORT_A


def test_identical_files_from_two_urls_are_stored_once(archived):
    sha = hashlib.sha256(REPORT_A).hexdigest()
    assert doc(archived, "child-a-summary.pdf")["sha256"] == sha
    assert [p for p in archived["files"] if sha in str(p)] == [Path(sha[:2]) / f"{sha}.pdf"]
    [count] = query(archived["db"], "SELECT count(*) n FROM document_pages WHERE sha256 = ?", sha)
    assert count["n"] == 3


@pytest.mark.parametrize(
    ("name", "status", "text_status", "note"),
    [
        ("child-b-report.pdf", "archived", "no_text_layer", "no text layer"),
        ("child-c-report.pdf", "archived", "encrypted", "needs a password"),
        ("child-d-report.pdf", "failed", None, "cannot be read"),
        ("child-e-report.pdf", "not_a_document", None, "a web page, not a report"),
        ("child-f-report.pdf", "not_a_document", None, "empty file (0 bytes)"),
        ("child-g-report.docx", "too_large", None, "when unzipped"),
        ("child-h-report.docx", "archived", "text", None),
        ("child-j-report.pdf", "failed", None, "HTTP 404"),
        ("child-l-report.pdf", "failed", None, "robots.txt"),
    ],
)
def test_every_kind_of_file_gets_a_recorded_status(archived, name, status, text_status, note):
    found = doc(archived, name)
    assert found["archive_status"] == status, found
    assert found["text_status"] == text_status
    if note:
        assert note in (found["archive_note"] or ""), found["archive_note"]


def test_a_word_file_keeps_its_page_breaks(archived):
    found = doc(archived, "child-h-report.docx")
    pages = query(
        archived["db"],
        "SELECT page, text FROM document_pages WHERE sha256 = ? ORDER BY page",
        found["sha256"],
    )
    assert [(p["page"], p["text"]) for p in pages] == [
        (1, "Child H safeguarding practice review."), (2, "Cuckooing of the family home.")]  # fmt: skip
    assert found["content_type"].endswith("wordprocessingml.document")


def test_failures_wait_before_they_are_tried_again(archived):
    missing = doc(archived, "child-j-report.pdf")
    assert missing["archive_attempts"] == 1
    # the site answered (a 404): that was the document's check, and it is tried a day later
    from datetime import UTC, datetime, timedelta

    checked = datetime.strptime(missing["checked"], "%Y-%m-%dT%H:%M:%SZ")
    retry = datetime.strptime(missing["archive_retry"], "%Y-%m-%dT%H:%M:%SZ")
    assert retry - checked == timedelta(days=1)
    assert missing["fetched"] is None and missing["sha256"] is None
    # the second harvest came straight after: too soon to try again
    assert archived["after"]["child-j-report.pdf"]["archive_attempts"] == 1
    start = datetime(2026, 1, 1, tzinfo=UTC)
    assert [retry_after(n, start)[:10] for n in (1, 2, 3, 4, 6, 9)] == [
        "2026-01-02", "2026-01-03", "2026-01-05", "2026-01-09", "2026-01-31", "2026-01-31"]  # fmt: skip


def test_a_second_harvest_downloads_nothing_already_archived(archived):
    for name, before in archived["documents"].items():
        after = archived["after"][name]
        assert after["fetched"] == before["fetched"], name
        assert after["sha256"] == before["sha256"], name
    for path, mtime in archived["mtimes"].items():
        assert (archived["tmp"] / "archive" / path).stat().st_mtime_ns == mtime


def test_the_harvest_table_counts_what_it_archived(archived):
    runs = query(archived["db"], "SELECT archived FROM harvests ORDER BY id")
    assert [r["archived"] for r in runs] == [5, 0]  # A (twice), B, C and H; nothing new next time


def test_a_report_fills_a_gap_the_listing_left_and_says_so():
    pages = [PAGE_ONE, PAGE_TWO]
    facts = front_page_facts(extract(make.pdf(pages)))
    assert facts.published == "2022-03-14"
    assert facts.review_type == "scr"
    assert facts.provenance == {
        "published": "from the report's front page",
        "review_type": "from the report's front page",
    }
    # reworded: the only month on the cover is the date
    cover = "Safeguarding Adults Review\nMr B\nJune 2021\nExample Safeguarding Adults Board"
    facts = front_page_facts(extract(make.pdf([cover, "Mr B lived alone."])))
    assert (facts.published, facts.review_type) == ("2021-06", "sar")


def test_filled_gaps_are_kept_and_give_way_to_a_listing(fresh_store):
    from crawler.reporttext import FrontPage

    item = {"name": "Child Z", "area": "Kent", "documents": [
        {"url": "https://x.example/z.pdf", "kind": "full_report", "title": "Report"}]}  # fmt: skip
    first = fresh_store.save_review(
        dict(item), source="s", source_kind="own", seen_at="2026-01-01T00:00:00Z"
    )
    facts = FrontPage("2021-05-02", None, {"published": "from the report's front page"})
    assert fresh_store.fill_from_report("https://x.example/z.pdf", facts) == ["published"]
    row = fresh_store.conn.execute(
        "SELECT * FROM reviews WHERE id = ?", (first.review_id,)
    ).fetchone()
    assert (row["published"], json.loads(row["from_report"])) == (
        "2021-05-02", {"published": "from the report's front page"})  # fmt: skip
    fresh_store.save_review(
        dict(item), source="s", source_kind="own", seen_at="2026-01-02T00:00:00Z"
    )
    row = fresh_store.conn.execute("SELECT * FROM reviews").fetchone()
    assert row["published"] == "2021-05-02"  # a regroup keeps the filled gap
    fresh_store.save_review({**item, "published": "2021-07-01"}, source="s", source_kind="own",
                            seen_at="2026-01-03T00:00:00Z")  # fmt: skip
    row = fresh_store.conn.execute("SELECT * FROM reviews").fetchone()
    assert (row["published"], row["from_report"]) == ("2021-07-01", None)


# -- the withheld rule --------------------------------------------------------------------------


def test_a_withheld_reviews_documents_are_never_kept(archived):
    statement = doc(archived, "child-k-statement.pdf")
    assert statement["archive_status"] == "withheld"
    assert statement["sha256"] is None  # never downloaded
    sha = hashlib.sha256(K_STATEMENT).hexdigest()
    assert not list((archived["tmp"] / "archive").rglob(f"{sha}*"))
    [review] = query(
        archived["db"], "SELECT status FROM reviews WHERE id = ?", statement["review_id"]
    )
    assert review["status"] == "unpublished"


def test_a_review_withheld_after_archiving_loses_its_copy_and_text(tmp_path):
    build_site(tmp_path, withheld=False)
    (tmp_path / "site" / HOST / "docs" / "child-k-statement.pdf").unlink()
    assert harvest(tmp_path).returncode == 0
    db = tmp_path / "reviews.db"
    [h] = query(db, "SELECT review_id, sha256 FROM documents WHERE url LIKE '%child-h-report.docx'")
    path = tmp_path / "archive" / h["sha256"][:2] / f"{h['sha256']}.docx"
    assert path.exists()
    withdraw(tmp_path, "Child H")
    assert harvest(tmp_path).returncode == 0
    [after] = query(
        db, "SELECT archive_status FROM documents WHERE url LIKE '%child-h-report.docx'"
    )
    assert after["archive_status"] == "withheld"
    assert not path.exists()
    assert query(db, "SELECT * FROM document_pages WHERE sha256 = ?", h["sha256"]) == []


def test_keeping_withheld_files_is_a_setting_and_they_are_still_never_served(tmp_path):
    build_site(tmp_path, withheld=False)
    assert harvest(tmp_path).returncode == 0
    db = tmp_path / "reviews.db"
    [h] = query(db, "SELECT review_id, sha256 FROM documents WHERE url LIKE '%child-h-report.docx'")
    withdraw(tmp_path, "Child H")
    assert harvest(tmp_path, "SCR_ARCHIVE_KEEP_WITHHELD=True").returncode == 0
    assert (tmp_path / "archive" / h["sha256"][:2] / f"{h['sha256']}.docx").exists()
    from .test_archive_pages import served_status

    assert served_status(db, f"/archive/{h['sha256']}.docx") == 404


# -- size cap and a killed harvest ---------------------------------------------------------------


def test_a_file_over_the_cap_is_recorded_as_too_large_and_not_kept(tmp_path):
    build_site(tmp_path)
    assert harvest(tmp_path, f"SCR_ARCHIVE_MAXSIZE={len(REPORT_A) - 1}").returncode == 0
    report = query(
        tmp_path / "reviews.db", "SELECT * FROM documents WHERE url LIKE '%child-a-report.pdf'"
    )[0]
    assert report["archive_status"] == "too_large"
    assert "cap" in report["archive_note"]
    sha = hashlib.sha256(REPORT_A).hexdigest()
    assert not (tmp_path / "archive" / sha[:2] / f"{sha}.pdf").exists()
    assert (
        query(tmp_path / "reviews.db", "SELECT * FROM document_pages WHERE sha256 = ?", sha) == []
    )


def test_a_harvest_killed_while_archiving_leaves_no_half_file(tmp_path):
    build_site(tmp_path)
    env = {**os.environ, "SCR_REGISTRY": str(tmp_path / "registry.yml"), "SCR_ARCHIVE_PAUSE": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "harvest", "example-scp", "--snapshot",
         str(tmp_path / "site"), "--db", str(tmp_path / "reviews.db")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.time() + 60
    while time.time() < deadline and not list((tmp_path / "archive").rglob("*.part")):
        time.sleep(0.05)
    assert list((tmp_path / "archive").rglob("*.part")), "the harvest never began writing a file"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    for path in (tmp_path / "archive").rglob("*"):
        if path.is_file() and not path.name.endswith(".part"):
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.stem  # whole or absent
    conn = sqlite3.connect(tmp_path / "reviews.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    # the next harvest clears the leftover and finishes the job
    assert harvest(tmp_path).returncode == 0
    assert not list((tmp_path / "archive").rglob("*.part"))
    [a] = query(
        tmp_path / "reviews.db",
        "SELECT archive_status FROM documents WHERE url LIKE '%child-a-report.pdf'",
    )
    assert a["archive_status"] == "archived"


# -- schema version 4 ------------------------------------------------------------------------


def test_a_version_3_database_gains_the_archive_and_keeps_everything(tmp_path):
    import gzip
    import shutil

    from crawler.database import ReviewStore
    from crawler.migrations import SCHEMA_VERSION

    path = tmp_path / "v3.db"
    with gzip.open(ROOT / "tests" / "fixtures" / "schema-v3.db.gz") as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)  # built by the release before the archive (3360d69)
    old = sqlite3.connect(path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 3
    before = {
        t: old.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("reviews", "documents")
    }
    old.close()
    store = ReviewStore(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    reviews = [
        tuple(r)[: len(before["reviews"][0])]
        for r in store.conn.execute("SELECT * FROM reviews ORDER BY 1")
    ]
    assert reviews == before["reviews"]
    documents = store.conn.execute("SELECT * FROM documents ORDER BY 1").fetchall()
    assert [tuple(d)[:10] for d in documents] == before["documents"]
    assert {d["archive_status"] for d in documents} == {None}  # due a download next harvest
    assert store.conn.execute("SELECT count(*) FROM document_pages").fetchone()[0] == 0
    urls = [d["url"] for d in documents]
    assert store.archive_due(urls, "2026-12-01T00:00:00Z") == sorted(urls)
    store.close()


def test_a_recheck_with_new_validators_makes_the_document_due_again(fresh_store, tmp_path):
    url = "https://x.example/report.pdf"
    item = {"name": "Child Y", "area": "Kent", "documents": [{"url": url, "kind": "full_report"}]}
    fresh_store.save_review(item, source="s", source_kind="own", seen_at="2026-01-01T00:00:00Z")
    sha = "ab" + "0" * 62
    fresh_store.store_pages(sha, ["page one", "page two"])
    fresh_store.record_archive(url, {"archive_status": "archived", "sha256": sha, "etag": '"v1"',
                                     "last_modified": "Mon, 01 Jan 2024 00:00:00 GMT"})  # fmt: skip
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / f"{sha}.pdf").write_bytes(b"%PDF-1.4 old")
    assert fresh_store.archive_due([url], "2026-02-01T00:00:00Z") == []
    assert not fresh_store.document_changed(url, '"v1"', None)  # the same file
    assert not fresh_store.document_changed(url, None, None)  # the server says nothing
    assert fresh_store.document_changed(url, '"v2"', None)
    assert fresh_store.archive_due([url], "2026-02-01T00:00:00Z") == [url]
    # the new version replaces the old: its file and text go once nothing refers to them
    fresh_store.record_archive(url, {"archive_status": "archived", "sha256": "cd" + "1" * 62})
    assert fresh_store.forget_if_orphan(sha, tmp_path)
    assert not (tmp_path / "ab" / f"{sha}.pdf").exists()
    assert fresh_store.conn.execute("SELECT count(*) FROM document_pages").fetchone()[0] == 0
