"""The SQLite store: idempotent upserts, merging across sources with provenance, never deleting."""

from __future__ import annotations

import json
import sqlite3

import pytest

from crawler.database import SCHEMA_VERSION, ReviewStore

T1 = "2026-01-01T00:00:00Z"
T2 = "2026-02-01T00:00:00Z"
T3 = "2026-03-01T00:00:00Z"

JASMINE_OWN = {
    "source_url": "https://www.northtynesidescp.org.uk/about/serious-case-reviews/",
    "title": "Serious Case Review Jasmine – published 12th April 2021",
    "pseudonym": "Jasmine",
    "name_key": "jasmine",
    "review_type": "scr",
    "nation": "England",
    "area": "North Tyneside",
    "area_code": "E08000022",
    "area_codes": ["E08000022"],
    "region": "North East",
    "published": "2021-04-12",
    "summary": "Today North Tyneside Safeguarding Children Partnership is publishing a Serious Case Review (SCR) in relation to Jasmine.",
    "documents": [
        {
            "url": "https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/SCR-Jasmine-Final-Report.pdf",
            "kind": "full_report",
            "title": "You can access a copy of the SCR report here",
        },
        {
            "url": "https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/Jasmine-7-Minute-Briefing.pdf",
            "kind": "learning_brief",
            "title": "7-minute briefing note",
        },
    ],
}
JASMINE_NSPCC = {
    "source_url": "https://learning.nspcc.org.uk/case-reviews/recently-published-case-reviews",
    "title": "2021 - North Tyneside - Jasmine",
    "pseudonym": "Jasmine",
    "name_key": "jasmine",
    "review_type": "scr",
    "nation": "England",
    "area": "North Tyneside",
    "area_code": "E08000022",
    "area_codes": ["E08000022"],
    "region": "North East",
    "published": "2021",
    "summary": "Sexual abuse of a 14-year-old girl by her mother's partner between 2016 and 2019.",
    "incident": "serious_harm",
    "age_text": "14 years",
    "age_band": "10-14",
    "sex": "female",
    "themes": ["professional curiosity about men in the household", "retraction of allegations"],
    "keywords": ["sexual abuse", "supervision orders"],
    "documents": [
        {
            "url": "https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/SCR-Jasmine-Final-Report.pdf",
            "kind": "full_report",
            "title": "Read the overview report",
        }
    ],
}


def rows(store: ReviewStore, table: str) -> list[dict]:
    order = {"reviews": "id", "documents": "url", "review_sources": "source"}[table]
    return [dict(r) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]


def test_schema_has_the_public_columns(fresh_store):
    columns = {
        table: set(fresh_store.db[table].columns_dict)
        for table in ("reviews", "documents", "review_sources", "harvests")
    }
    assert {
        "id", "title", "pseudonym", "review_type", "nation", "area", "area_code", "region",
        "published", "published_year", "summary", "incident", "age_text", "age_band", "sex",
        "themes", "keywords", "recommendations", "status", "first_seen", "last_seen",
    } <= columns["reviews"]  # fmt: skip
    assert {"url", "review_id", "kind", "title", "first_seen", "last_seen"} <= columns["documents"]
    assert {"review_id", "source", "url", "first_seen", "last_seen"} <= columns["review_sources"]
    assert {"source", "started", "finished", "requests", "items", "errors"} <= columns["harvests"]
    assert fresh_store.db["reviews_fts"].exists()
    assert fresh_store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert fresh_store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_new_review_gets_a_stable_id_from_its_natural_key(fresh_store):
    result = fresh_store.save_review(
        JASMINE_OWN, source="north-tyneside-scp", source_kind="own", seen_at=T1
    )
    assert (result.review_id, result.outcome) == ("north-tyneside-jasmine-2021", "new")
    [review] = rows(fresh_store, "reviews")
    # The display title is built from the record; the page's own heading stays on the sighting.
    assert review["title"] == "Jasmine: serious case review, North Tyneside"
    [sighting] = rows(fresh_store, "review_sources")
    assert sighting["source_title"] == "Serious Case Review Jasmine – published 12th April 2021"
    assert review["published"] == "2021-04-12"
    assert review["published_year"] == 2021
    assert review["status"] == "published"
    assert (review["first_seen"], review["last_seen"]) == (T1, T1)
    assert json.loads(review["themes"]) == []
    assert [(d["kind"], d["review_id"]) for d in rows(fresh_store, "documents")] == [
        ("learning_brief", "north-tyneside-jasmine-2021"),
        ("full_report", "north-tyneside-jasmine-2021"),
    ]


def test_saving_the_same_sighting_again_changes_only_last_seen(fresh_store):
    fresh_store.save_review(JASMINE_OWN, source="north-tyneside-scp", source_kind="own", seen_at=T1)
    before = {t: rows(fresh_store, t) for t in ("reviews", "documents", "review_sources")}
    result = fresh_store.save_review(
        JASMINE_OWN, source="north-tyneside-scp", source_kind="own", seen_at=T2
    )
    assert result.outcome == "unchanged"
    after = {t: rows(fresh_store, t) for t in ("reviews", "documents", "review_sources")}
    for table in before:
        assert len(after[table]) == len(before[table])
        for old, new in zip(before[table], after[table], strict=True):
            assert new["last_seen"] == T2
            assert new["first_seen"] == T1
            assert {k: v for k, v in new.items() if k != "last_seen"} == {
                k: v for k, v in old.items() if k != "last_seen"
            }


def test_two_sources_make_one_review_with_two_provenance_rows(fresh_store):
    own = fresh_store.save_review(
        JASMINE_OWN, source="north-tyneside-scp", source_kind="own", seen_at=T1
    )
    nspcc = fresh_store.save_review(JASMINE_NSPCC, source="nspcc", source_kind="nspcc", seen_at=T2)
    assert nspcc.review_id == own.review_id
    assert nspcc.outcome == "updated"
    [review] = rows(fresh_store, "reviews")
    # The board's own page wins the fields; the NSPCC fills what the board did not say.
    assert review["title"] == "Jasmine: serious case review, North Tyneside"
    assert review["published"] == "2021-04-12"  # the more precise date
    assert review["summary"] == JASMINE_OWN["summary"]
    assert review["sex"] == "female"
    assert json.loads(review["keywords"]) == ["sexual abuse", "supervision orders"]
    assert review["first_seen"] == T1
    assert review["last_seen"] == T2
    provenance = rows(fresh_store, "review_sources")
    assert [(p["source"], p["url"], p["first_seen"]) for p in provenance] == [
        ("north-tyneside-scp", JASMINE_OWN["source_url"], T1),
        ("nspcc", JASMINE_NSPCC["source_url"], T2),
    ]
    assert json.loads(provenance[1]["fields"])["published"] == "2021"
    # The shared report is one document, still described by the source that found it first.
    documents = rows(fresh_store, "documents")
    assert len(documents) == 2
    report = next(d for d in documents if d["kind"] == "full_report")
    assert (report["source"], report["title"]) == (
        "north-tyneside-scp",
        "You can access a copy of the SCR report here",
    )


def test_merging_does_not_depend_on_the_order_of_sources(tmp_path):
    results = []
    for name, order in (("a", [JASMINE_OWN, JASMINE_NSPCC]), ("b", [JASMINE_NSPCC, JASMINE_OWN])):
        store = ReviewStore(tmp_path / f"{name}.db")
        for item in order:
            source, kind = (
                ("nspcc", "nspcc") if item is JASMINE_NSPCC else ("north-tyneside-scp", "own")
            )
            store.save_review(item, source=source, source_kind=kind, seen_at=T1)
        [review] = rows(store, "reviews")
        # Only the clocks, and where it was found first, depend on the order.
        ignored = ("first_seen", "last_seen", "updated", "first_source", "first_url")
        results.append({k: v for k, v in review.items() if k not in ignored})
        store.close()
    assert results[0] == results[1]


def test_same_name_in_another_area_or_decade_is_another_review(fresh_store):
    fresh_store.save_review(JASMINE_OWN, source="north-tyneside-scp", source_kind="own", seen_at=T1)
    elsewhere = {**JASMINE_OWN, "area": "Bedford", "area_code": "E06000055", "area_codes": ["E06000055"],
                 "source_url": "https://example.org/bedford", "documents": []}  # fmt: skip
    later = {
        **JASMINE_OWN,
        "published": "2031",
        "source_url": "https://example.org/later",
        "documents": [],
    }
    a = fresh_store.save_review(
        elsewhere, source="bedford-borough-scb", source_kind="own", seen_at=T1
    )
    b = fresh_store.save_review(later, source="north-tyneside-scp", source_kind="own", seen_at=T1)
    assert a.review_id == "bedford-jasmine-2021"
    assert b.review_id == "north-tyneside-jasmine-2031"
    assert len(rows(fresh_store, "reviews")) == 3


def test_a_harvest_never_deletes_and_unlisting_is_recorded(fresh_store):
    fresh_store.save_review(JASMINE_OWN, source="north-tyneside-scp", source_kind="own", seen_at=T1)
    fresh_store.save_review(JASMINE_NSPCC, source="nspcc", source_kind="nspcc", seen_at=T1)
    # The board's next harvest no longer lists it; the NSPCC still does.
    assert fresh_store.mark_unlisted("north-tyneside-scp", T2, "2026-02-01") == 1
    [review] = rows(fresh_store, "reviews")
    assert review["listed"] == 1
    # Then the NSPCC stops listing it too: the review is kept, marked as no longer listed.
    assert fresh_store.mark_unlisted("nspcc", T3, "2026-03-01") == 1
    [review] = rows(fresh_store, "reviews")
    assert (review["listed"], review["unlisted_since"]) == (0, "2026-03-01")
    assert len(rows(fresh_store, "documents")) == 2
    assert len(rows(fresh_store, "review_sources")) == 2
    # Listed again later: back to listed.
    fresh_store.save_review(
        JASMINE_NSPCC, source="nspcc", source_kind="nspcc", seen_at="2026-04-01T00:00:00Z"
    )
    [review] = rows(fresh_store, "reviews")
    assert (review["listed"], review["unlisted_since"]) == (1, None)


def test_a_failed_write_leaves_nothing_half_done(fresh_store):
    fresh_store.save_review(JASMINE_OWN, source="north-tyneside-scp", source_kind="own", seen_at=T1)
    before = {t: rows(fresh_store, t) for t in ("reviews", "documents", "review_sources")}
    broken = {**JASMINE_NSPCC, "documents": [{"url": None, "kind": "full_report", "title": "x"}]}
    with pytest.raises(ValueError, match="has no URL"):
        fresh_store.save_review(broken, source="nspcc", source_kind="nspcc", seen_at=T2)
    assert {t: rows(fresh_store, t) for t in before} == before


def test_migrate_adds_missing_columns_and_keeps_rows(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE reviews (id TEXT PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO reviews VALUES ('kent-child-a-2015', 'Child A')")
    conn.commit()
    conn.close()
    store = ReviewStore(path)
    assert "area_code" in store.db["reviews"].columns_dict
    assert rows(store, "reviews")[0]["title"] == "Child A"
    store.close()


def _search(store: ReviewStore, words: str) -> list[str]:
    return [
        r[0]
        for r in store.conn.execute(
            "SELECT r.id FROM reviews_fts JOIN reviews r ON r.rowid = reviews_fts.rowid"
            " WHERE reviews_fts MATCH ? ORDER BY r.id",
            (words,),
        )
    ]


def test_the_search_index_follows_searched_columns_only(fresh_store):
    fresh_store.save_review(JASMINE_OWN, source="north-tyneside-scp", source_kind="own", seen_at=T1)
    [review] = rows(fresh_store, "reviews")
    conn = fresh_store.conn
    # An update of unsearched columns leaves the index as it is, and it still agrees with rows.
    conn.execute("UPDATE reviews SET last_seen = ?, status = 'published' WHERE id = ?",
                 (T2, review["id"]))  # fmt: skip
    conn.execute("INSERT INTO reviews_fts (reviews_fts, rank) VALUES ('integrity-check', 1)")
    # A searched column's change is searchable at once; the old words are gone.
    conn.execute(
        "UPDATE reviews SET summary = 'Neglect of a toddler' WHERE id = ?", (review["id"],)
    )
    conn.execute("INSERT INTO reviews_fts (reviews_fts, rank) VALUES ('integrity-check', 1)")
    assert _search(fresh_store, "toddler") == [review["id"]]
    assert _search(fresh_store, "publishing") == []
    # Set to the value it had: no change to the index, which still agrees.
    conn.execute(
        "UPDATE reviews SET summary = summary, title = title WHERE id = ?", (review["id"],)
    )
    conn.execute("INSERT INTO reviews_fts (reviews_fts, rank) VALUES ('integrity-check', 1)")
    assert _search(fresh_store, "jasmine") == [review["id"]]


def test_an_older_database_gets_the_narrower_update_trigger(tmp_path):
    from crawler.migrations import FTS_COLUMNS

    path = tmp_path / "older.db"
    store = ReviewStore(path)
    cols = ", ".join(f"[{c}]" for c in FTS_COLUMNS)
    old = ", ".join(f"old.[{c}]" for c in FTS_COLUMNS)
    new = ", ".join(f"new.[{c}]" for c in FTS_COLUMNS)
    store.conn.execute("DROP TRIGGER reviews_au")
    store.conn.execute(  # as releases before this one made it: on every update
        f"CREATE TRIGGER [reviews_au] AFTER UPDATE ON [reviews] BEGIN INSERT INTO [reviews_fts]"
        f" ([reviews_fts], rowid, {cols}) VALUES('delete', old.rowid, {old}); INSERT INTO"
        f" [reviews_fts] (rowid, {cols}) VALUES (new.rowid, {new}); END"
    )
    store.save_review(JASMINE_OWN, source="north-tyneside-scp", source_kind="own", seen_at=T1)
    store.close()
    store = ReviewStore(path)
    sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'reviews_au'").fetchone()
    assert sql[0].startswith(f"CREATE TRIGGER [reviews_au] AFTER UPDATE OF {cols} ON [reviews]")
    assert _search(store, "jasmine") == ["north-tyneside-jasmine-2021"]
    store.conn.execute("INSERT INTO reviews_fts (reviews_fts, rank) VALUES ('integrity-check', 1)")
    store.close()
