"""The `scr` command end to end, over the bundled snapshot, as a user runs it."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from crawler.harvest import harvest_lock

from .conftest import SNAPSHOT, run_scr

TABLES = ("reviews", "documents", "review_sources")
CLOCK_COLUMNS = {"last_seen", "checked"}


def table_rows(db, table: str) -> dict[str, dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    key = {"reviews": "id", "documents": "url", "review_sources": "id"}[table]
    rows = {r[key]: dict(r) for r in conn.execute(f"SELECT * FROM {table}")}
    conn.close()
    return rows


def test_the_snapshot_harvest_stores_jasmine_with_her_documents(snapshot_db):
    reviews = table_rows(snapshot_db, "reviews")
    jasmine = reviews["north-tyneside-jasmine-2021"]
    assert jasmine["published"] == "2021-04-12"
    assert (jasmine["area"], jasmine["area_code"], jasmine["region"], jasmine["nation"]) == (
        "North Tyneside",
        "E08000022",
        "North East",
        "England",
    )
    assert jasmine["review_type"] == "scr"
    documents = sorted(
        (d["kind"], d["url"])
        for d in table_rows(snapshot_db, "documents").values()
        if d["review_id"] == jasmine["id"]
    )
    assert [kind for kind, _ in documents] == [
        "committee_report",
        "full_report",
        "learning_brief",
        "learning_brief",
    ]
    assert (
        "full_report",
        "https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/SCR-Jasmine-Final-Report.pdf",
    ) in documents
    sources = {
        r["source"]
        for r in table_rows(snapshot_db, "review_sources").values()
        if r["review_id"] == jasmine["id"]
    }
    assert sources == {"north-tyneside-scp", "nspcc"}


def test_every_source_in_the_snapshot_reports_ok(snapshot_db):
    conn = sqlite3.connect(snapshot_db)
    states = dict(conn.execute("SELECT source, state FROM harvests"))
    conn.close()
    assert {"nspcc", "govuk", "north-tyneside-scp", "bedford-borough-scb", "jersey-spb"} <= set(
        states
    )
    assert set(states.values()) == {"ok"}


def test_a_second_harvest_changes_nothing_but_last_seen(snapshot_db, tmp_path):
    db = tmp_path / "again.db"
    shutil.copy(snapshot_db, db)
    before = {t: table_rows(db, t) for t in TABLES}
    result = run_scr("harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    after = {t: table_rows(db, t) for t in TABLES}
    for table in TABLES:
        assert after[table].keys() == before[table].keys(), table
        for key, old in before[table].items():
            new = after[table][key]
            changed = {c for c in old if old[c] != new[c]}
            assert changed <= CLOCK_COLUMNS, (table, key, changed)
            assert new["last_seen"] > old["last_seen"]
    conn = sqlite3.connect(db)
    new_counts = conn.execute(
        "SELECT sum(new_reviews), sum(updated_reviews) FROM harvests WHERE run_id = "
        "(SELECT run_id FROM harvests ORDER BY id DESC LIMIT 1)"
    ).fetchone()
    conn.close()
    assert new_counts == (0, 0)


def test_harvest_prints_a_summary_table_and_progress(tmp_path):
    db = tmp_path / "one.db"
    result = run_scr("harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "jersey-spb", "govuk")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header[:3] == ["source", "state", "requests"]
    lines = {
        line.split()[0]: line.split() for line in result.stdout.splitlines()[2:] if line.strip()
    }
    assert lines["govuk"][1] == "ok"
    assert lines["govuk"][4] == "7"  # reviews
    assert lines["jersey-spb"][4] == "0"
    assert "200 govuk https://www.gov.uk/api/search.json" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["harvest", "no-such-board"], "unknown source no-such-board"),
        (["harvest", "--snapshot", "/nonexistent/dir"], "does not exist"),
        (["digest", "2021-13"], "not a month"),
        (["digest", "April"], "not a month"),
        (["serve", "--db", "/nonexistent/reviews.db"], "does not exist"),
    ],
)
def test_bad_input_gets_a_clear_error(args, message, tmp_path):
    result = (
        run_scr(*args, "--db", str(tmp_path / "x.db")) if args[0] != "serve" else run_scr(*args)
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_second_harvest_at_once_is_refused(tmp_path):
    db = tmp_path / "locked.db"
    with harvest_lock(db):
        result = run_scr("harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "jersey-spb")
    assert result.returncode == 3
    assert "another harvest is already writing" in result.stderr


def test_digest_markdown_and_html(snapshot_db, tmp_path):
    site = "https://scr.example.org"
    md = run_scr("digest", "2021-04", "--db", str(snapshot_db), "--site-url", site)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# Case reviews: April 2021\n")
    assert "### 2021 – North Tyneside – Jasmine" in md.stdout
    # Document titles are kept, so two learning briefs can be told apart.
    assert (
        "- [Report](<https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/"
        "SCR-Jasmine-Final-Report.pdf>) – SCR report: Jasmine"
    ) in md.stdout
    # Plain email needs no escaping: "(SCR)" reads as written.
    assert "Serious Case Review (SCR)" in md.stdout and "\\(" not in md.stdout
    # The neighbouring months and each review are links, absolute.
    assert "Previous month: [March 2021](<https://scr.example.org/digest/2021-03>)" in md.stdout
    assert "Next month: [May 2021](<https://scr.example.org/digest/2021-05>)" in md.stdout
    assert (
        "More: <https://scr.example.org/reviews/reviews/north-tyneside-jasmine-2021>" in md.stdout
    )
    html = run_scr(
        "digest", "2021-04", "--format", "html", "--db", str(snapshot_db), "--site-url", site
    )
    assert html.returncode == 0
    assert html.stdout.startswith("<!DOCTYPE html>")
    assert (
        '<a href="https://scr.example.org/reviews/reviews/north-tyneside-jasmine-2021">'
        "North Tyneside – Jasmine</a></h3>"
    ) in html.stdout
    assert 'href="https://scr.example.org/digest/2021-03"' in html.stdout
    assert 'href="/' not in html.stdout  # no link that dies in an emailed file
    assert "@media print" in html.stdout
    pdf = tmp_path / "digest.pdf"
    made = run_scr("digest", "2021-04", "--format", "pdf", "-o", str(pdf), "--db", str(snapshot_db))
    assert made.returncode == 0, made.stderr
    body = pdf.read_bytes()
    assert body.startswith(b"%PDF-") and len(body) > 5000
    assert b"SCR-Jasmine-Final-Report.pdf" in body  # the report is a link in the PDF
    to_stdout = run_scr("digest", "2021-04", "--format", "pdf", "--db", str(snapshot_db))
    assert to_stdout.returncode == 2 and "a PDF needs a file" in to_stdout.stderr


def test_sources_lists_the_registry_with_health(snapshot_db):
    result = run_scr("sources", "--db", str(snapshot_db))
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()[2:] if line.strip()}
    assert "north-tyneside-scp" in lines and " ok " in lines["north-tyneside-scp"]
    assert "never run" in lines["york-scp"]


def test_harvest_records_per_source_counts(snapshot_db):
    conn = sqlite3.connect(snapshot_db)
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT * FROM harvests WHERE source = 'govuk'").fetchone()
    conn.close()
    assert (row["requests"], row["items"], row["new_reviews"], row["error_count"]) == (20, 7, 7, 0)
    assert json.loads(row["responses"]) == {"200": 20}


def test_explain_shows_each_decision_and_the_reviews_it_gives(tmp_path):
    result = run_scr("explain", "croydon-scp")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "== https://croydonlcsb.org.uk/about-us/serious-case-reviews/"
    kept = [line for line in lines if line.startswith("KEEP")]
    left = [line for line in lines if line.startswith("    ") and "[" in line]
    assert len(kept) == 10
    assert any("'Child Y SCR'" in line and "subject +" in line for line in kept)
    # Prose about other areas' reviews is left out, with the reason shown.
    assert any("other parts of the country" in line and "external -" in line for line in left)
    assert "-- 10 review(s)" in lines
    assert "  Child L | scr | 2018-08-22 | published | full_report, learning_brief" in lines


def test_explain_a_page_before_it_is_a_source(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><main><h1>Domestic Homicide Reviews</h1><ul>"
        '<li><a href="/dhr-ann.pdf">DHR Ann – published 3 May 2022</a></li>'
        '<li><a href="/training">Training dates</a></li></ul></main></body></html>'
    )
    result = run_scr("explain", "new", "--file", str(page), "--url", "https://csp.example/dhr/")
    assert result.returncode == 0, result.stderr
    assert "  Ann | dhr | 2022-05-03 | published | full_report" in result.stdout.splitlines()


def test_explain_says_what_is_missing(tmp_path):
    unknown = run_scr("explain", "no-such-board")
    assert unknown.returncode == 2
    assert "no partnership source 'no-such-board'" in unknown.stderr
    unsaved = run_scr("explain", "croydon-scp", "--snapshot", str(tmp_path))
    assert unsaved.returncode == 1
    assert "no saved copy of croydon-scp's pages" in unsaved.stderr


def test_a_harvest_whose_spider_cannot_start_says_so_and_fails(tmp_path):
    result = run_scr(
        "harvest", "--snapshot", str(SNAPSHOT), "--db", str(tmp_path / "reviews.db"), "-q",
        "north-tyneside-scp", "-s", 'ITEM_PIPELINES={"crawler.pipelines.nothere.Missing": 100}',
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: the harvest did not run: PartnershipSpider could not run:"
        " No module named 'crawler.pipelines.nothere'"
    )


def row_counts(db) -> dict[str, int]:
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    conn.close()
    return counts


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_digest_to_a_folder_that_is_not_there_says_so_in_one_line(snapshot_db, tmp_path, fmt):
    before = row_counts(snapshot_db)
    (tmp_path / "afile").write_text("")
    missing, in_a_file = tmp_path / "nothere", tmp_path / "afile"
    for folder, why in ((missing, f"the directory {missing} does not exist"),
                        (in_a_file, f"{in_a_file} is not a directory")):  # fmt: skip
        target = folder / f"digest.{fmt}"
        result = run_scr(
            "digest", "2021-04", "--format", fmt, "-o", str(target), "--db", str(snapshot_db)
        )
        assert result.returncode == 2
        assert result.stderr == f"Error: cannot write {target}: {why}\n"
    assert row_counts(snapshot_db) == before


def test_sources_checks_its_database_first(tmp_path):
    missing = tmp_path / "missing.db"
    result = run_scr("sources", "--db", str(missing))
    assert result.returncode == 2
    assert result.stderr == f"Error: {missing} does not exist: run `scr harvest` first\n"
    assert result.stdout == ""
    assert not missing.exists()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    result = run_scr("sources", "--db", str(notes))
    assert result.returncode == 2
    assert result.stderr == f"Error: {notes} is not a SQLite database\n"
    assert notes.read_text() == "not a database\n"


def test_sources_are_listed_in_id_order(snapshot_db):
    result = run_scr("sources", "--db", str(snapshot_db))
    assert result.returncode == 0, result.stderr
    table = result.stdout.split("\n\n")[0] if "\n\n" in result.stdout else result.stdout
    ids = [line.split()[0] for line in table.splitlines()[2:] if line.strip() and ":" not in line]
    assert {"york-scp", "portsmouth-scp", "barnsley-csp", "nspcc", "govuk"} <= set(ids)
    assert ids == sorted(ids)


def test_explain_an_unknown_source_is_bad_input_and_suggests_close_ids():
    result = run_scr("explain", "croydon-scb")
    assert result.returncode == 2
    assert result.stderr == (
        "Error: no partnership source 'croydon-scb' in the registry (did you mean croydon-scp?);"
        " see `scr sources`, or, to try a page before adding it, pass --file PAGE.html"
        " --url ITS-ADDRESS\n"
    )
    by_prefix = run_scr("explain", "jersey")
    assert by_prefix.returncode == 2
    assert "(did you mean jersey-spb?)" in by_prefix.stderr
    nothing_close = run_scr("explain", "nonsense-source")
    assert nothing_close.returncode == 2
    assert nothing_close.stderr.count("\n") == 1
    assert "did you mean" not in nothing_close.stderr


def test_explain_url_without_a_file_is_bad_input():
    result = run_scr("explain", "jersey-spb", "--url", "https://example.org/reviews/")
    assert result.returncode == 2
    assert result.stderr == (
        "Error: --url is the address of a page given with --file; pass --file PAGE.html\n"
    )


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("DOWNLOAD_DELAY=abc", "DOWNLOAD_DELAY takes a number (its default is 2.0), not 'abc'"),
        ("CONCURRENT_REQUESTS=many", "CONCURRENT_REQUESTS takes a number (its default is 512), not 'many'"),
        ("ROBOTSTXT_OBEY=maybe", "ROBOTSTXT_OBEY takes true or false (or 1 or 0), not 'maybe'"),
        # The project's own settings are checked too (this one ran, failing every page).
        ("SCR_SKIP_UNCHANGED=maybe", "SCR_SKIP_UNCHANGED takes true or false (or 1 or 0), not 'maybe'"),
        ("DOWNLOAD_DELAYY=5", "unknown setting DOWNLOAD_DELAYY (did you mean DOWNLOAD_DELAY?)"),
        ("DOWNLOAD_DELAY=-5", "DOWNLOAD_DELAY takes a number of 0 or more (its default is 2.0), not '-5'"),
        ("CONCURRENT_REQUESTS_PER_DOMAIN=1.5",
         "CONCURRENT_REQUESTS_PER_DOMAIN takes a whole number (its default is 1), not '1.5'"),
    ],
)  # fmt: skip
def test_a_setting_of_the_wrong_type_is_refused_before_the_harvest(
    snapshot_db, tmp_path, setting, message
):
    db = tmp_path / "copy.db"
    shutil.copy(snapshot_db, db)
    before = row_counts(db)
    result = run_scr(
        "harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "-s", setting, "nspcc"
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for --set: {message}"
    assert "Traceback" not in result.stderr
    assert row_counts(db) == before
    fresh = tmp_path / "fresh.db"
    result = run_scr("harvest", "--db", str(fresh), "-s", setting, "nspcc")
    assert result.returncode == 2
    assert not fresh.exists()


def test_setting_overrides_are_checked_against_the_defaults_type():
    from click import BadParameter

    from crawler.cli import setting_overrides

    assert setting_overrides(
        ["DOWNLOAD_DELAY=0.5", "DOWNLOAD_TIMEOUT=12.5", "RETRY_TIMES=3", "ROBOTSTXT_OBEY=False",
         "HTTPCACHE_ENABLED=0", "SOME_NEW_SETTING=x", "ITEM_PIPELINES={}"]
    ) == {
        "DOWNLOAD_DELAY": "0.5", "DOWNLOAD_TIMEOUT": "12.5", "RETRY_TIMES": "3",
        "ROBOTSTXT_OBEY": "False", "HTTPCACHE_ENABLED": "0", "SOME_NEW_SETTING": "x",
        "ITEM_PIPELINES": "{}",
    }  # fmt: skip
    for bad in ["RETRY_TIMES=", "AUTOTHROTTLE_ENABLED=yes", "DOWNLOAD_DELAY=nan", "x",
                "SCR_ARCHIVE_KEEP_WITHHELD=maybe", "SCR_DOCUMENT_RECHECK_DAYS=-1",
                "RETRY_TIMES=2.0", "CLOSESPIDER_TIMEOUT=-1", "ROBOTSTXT_OBAY=true"]:  # fmt: skip
        with pytest.raises(BadParameter):
            setting_overrides([bad])


def test_setting_overrides_leave_alone_what_may_be_right():
    from crawler.cli import setting_overrides

    fine = [
        "DEPTH_PRIORITY=-1",  # negative: depth first
        "REDIRECT_PRIORITY_ADJUST=-2",
        "RETRY_PRIORITY_ADJUST=-3",
        "SCR_RETRY_AFTER_MAX=1.5",  # an int default read as a float
        "DNS_TIMEOUT=7.5",
        "DOWNLOAD_DELAY=0",
        "PLAYWRIGHT_BROWSER_TYPE=firefox",  # an extension's own: close to no known setting
    ]
    assert setting_overrides(fine) == dict(item.split("=") for item in fine)


def test_every_scr_setting_the_crawler_reads_has_a_default():
    """Else `-s` cannot check its type: SCR_SKIP_UNCHANGED=maybe ran, failing every page."""
    import re

    import crawler.settings
    from crawler.cli import ROOT

    read = set()
    for path in (ROOT / "crawler").rglob("*.py"):
        read |= set(re.findall(r"settings\.get\w*\(\s*[\"'](SCR_\w+)", path.read_text()))
    assert "SCR_SKIP_UNCHANGED" in read
    assert {name for name in read if not hasattr(crawler.settings, name)} == set()


def test_an_unknown_setting_close_to_no_known_one_passes_quietly(tmp_path):
    db = tmp_path / "ext.db"
    result = run_scr(
        "harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "-q",
        "-s", "SOME_EXTENSION_SETTING=x", "jersey-spb",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_a_new_database_in_a_folder_that_is_not_there_is_refused(tmp_path):
    db = tmp_path / "missing" / "x.db"
    result = run_scr("harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "jersey-spb")
    assert result.returncode == 2
    assert result.stderr == f"Error: cannot create {db}: the directory {db.parent} does not exist\n"
    assert result.stdout == ""
    assert not db.parent.exists()  # nor the database, its lock or an archive folder
    (tmp_path / "afile").write_text("")
    inside_a_file = tmp_path / "afile" / "x.db"
    result = run_scr("harvest", "--snapshot", str(SNAPSHOT), "--db", str(inside_a_file))
    assert result.returncode == 2
    assert result.stderr == (
        f"Error: cannot create {inside_a_file}: {tmp_path / 'afile'} is not a directory\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


@pytest.mark.parametrize("command", [["serve"], ["sources"], ["digest", "2021-04"]])
def test_the_other_commands_refuse_a_database_in_a_missing_folder(tmp_path, command):
    db = tmp_path / "missing" / "x.db"
    result = run_scr(*command, "--db", str(db))
    assert result.returncode == 2
    assert result.stderr == f"Error: {db} does not exist: run `scr harvest` first\n"
    assert not db.parent.exists()


@pytest.mark.parametrize("month", ["0000-01", "0001-01", "1969-12", "2101-01", "9999-12"])
def test_a_digest_month_outside_the_years_of_reviews_is_bad_input(snapshot_db, month):
    before = row_counts(snapshot_db)
    result = run_scr("digest", month, "--db", str(snapshot_db))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for MONTH: not a month a digest covers: '{month}'"
        " (from 1970-01 to 2100-12)"
    )
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert row_counts(snapshot_db) == before


def test_a_digest_of_the_first_and_last_months_it_covers(snapshot_db):
    first = run_scr("digest", "1970-01", "--db", str(snapshot_db))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("# Case reviews: January 1970\n")
    assert "Previous month: [December 1969]" in first.stdout
    last = run_scr("digest", "2100-12", "--db", str(snapshot_db))
    assert last.returncode == 0, last.stderr
    assert last.stdout.startswith("# Case reviews: December 2100\n")


@pytest.mark.parametrize("path", ["/digest/0000-01", "/digest/0000-01.md"])
async def test_the_digest_page_of_year_0_is_not_found_like_month_13(snapshot_db, path):
    import yaml
    from datasette.app import Datasette

    from crawler.cli import ROOT

    with open(ROOT / "metadata.yml", encoding="utf-8") as fh:
        metadata = yaml.safe_load(fh)
    ds = Datasette([str(snapshot_db)], metadata=metadata)
    assert (await ds.client.get("/digest/2024-13")).status_code == 404
    assert (await ds.client.get(path)).status_code == 404


def test_help_states_the_exit_codes():
    top = run_scr("--help")
    assert top.returncode == 0
    assert [line.strip() for line in top.stdout.split("Exit status:\n")[1].splitlines()[:6]] == [
        "0  success (harvest: every source succeeded)",
        "1  harvest: any source failed or looks suspect (the others are still stored)",
        "2  bad input",
        "3  harvest: another harvest is already writing the database",
        "(--wait waits for it instead)",
        "",
    ]
    harvest = run_scr("harvest", "--help")
    assert harvest.returncode == 0
    exits = harvest.stdout.split("Exit status:\n")[1].splitlines()[:6]
    assert [line.strip() for line in exits] == [
        "0  every source succeeded",
        "1  any source failed or looks suspect (the others are still stored)",
        "2  bad input",
        "3  another harvest is already writing the database",
        "(--wait waits for it instead)",
        "",
    ]


@pytest.mark.parametrize("value", ["notaurl", "ftp://example.org/", "http://", "/scr/"])
def test_a_site_url_that_is_not_an_http_address_is_refused(snapshot_db, tmp_path, value):
    result = run_scr("digest", "2021-04", "--db", str(snapshot_db), "--site-url", value)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '--site-url': {value!r} is not an absolute http(s) URL,"
        " e.g. https://scr.example.org"
    )
    assert result.stdout == ""
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>nothing</p></body></html>")
    result = run_scr("explain", "new", "--file", str(page), "--url", value)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '--url': {value!r} is not an absolute http(s) URL,"
        " e.g. https://scr.example.org"
    )
