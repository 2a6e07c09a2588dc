"""One review, one row: structured subject keys, the scored matcher, readable ids that do not
depend on harvest order, display titles, and the migration of version-1 databases.

Each case the matcher was wrong about on the landed code has a test named for it, with the
variants that must merge and the different reviews that must stay apart."""

from __future__ import annotations

import gzip
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest
import yaml
from datasette.app import Datasette
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from crawler.database import ReviewStore
from crawler.items import ReviewItem
from crawler.matching import Sighting, match
from crawler.migrations import SCHEMA_VERSION
from crawler.normalise.subject_key import compare, display, subject_key
from crawler.normalise.text import clean_summary, document_tail, document_title, title_problem
from crawler.pipelines.validate import ValidatePipeline
from crawler.schema import ITEM_FIELDS, MERGED_FIELDS, REVIEW_COLUMNS, TEXT_FIELDS

from .conftest import ROOT, query

T1 = "2026-01-01T00:00:00Z"
T2 = "2026-02-01T00:00:00Z"
V1_DB = ROOT / "tests" / "fixtures" / "schema-v1.db.gz"
NSPCC_PAGE = "https://learning.nspcc.org.uk/case-reviews/recently-published-case-reviews"


def item(name: str, area: str, published: str | None = None, **extra) -> dict:
    """A normalised sighting as the pipelines hand it to the store."""
    return {
        "source_url": extra.pop("url", f"https://{area.lower().replace(' ', '')}.example/reviews/"),
        "title": extra.pop("title", name),
        "pseudonym": name,
        "name": name,
        "review_type": extra.pop("review_type", "scr"),
        "nation": "England",
        "area": area,
        "area_codes": extra.pop("codes", []),
        "published": published,
        "documents": extra.pop("documents", []),
        **extra,
    }


def save(store, it, source="kent-scp", kind="own", at=T1):
    return store.save_review(it, source=source, source_kind=kind, seen_at=at)


def ids(store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM reviews ORDER BY id")]


# -- keys ---------------------------------------------------------------------------------------


def test_child_a_keys_with_its_letter():
    assert subject_key("Child A").text == "child a"
    assert subject_key("Mr A").text == "mr a"
    assert subject_key("Ms A").text == "ms a"
    assert subject_key("Children A and B").text == "children a b"
    assert compare(subject_key("Child A"), subject_key("Child B")) == "different"


def test_child_a_ids_keep_their_letters(fresh_store):
    save(fresh_store, item("Child A", "Aberdeenshire", "2016-06"), "aberdeenshire-cpc")
    save(fresh_store, item("Mr A", "Liverpool", "2025-01-15", review_type="sar"), "liverpool-sab")
    save(fresh_store, item("Ms A", "Lewisham", review_type="sar"), "lewisham-sab")
    save(fresh_store, item("Children A and B", "Portsmouth", "2013"), "nspcc", "nspcc")
    save(fresh_store, item("Child B", "Aberdeenshire", "2016-06"), "aberdeenshire-cpc")
    assert ids(fresh_store) == [
        "aberdeenshire-child-a-2016",
        "aberdeenshire-child-b-2016",
        "lewisham-ms-a",
        "liverpool-mr-a-2025",
        "portsmouth-children-a-and-b-2013",
    ]


def test_a_bare_letter_and_child_r_on_one_site_are_one_review(fresh_store):
    page = "https://kentscp.example/reviews/"
    first = save(fresh_store, item("Child R", "Kent", "2019", url=page))
    second = save(fresh_store, item("R", "Kent", url=page + "r/"))
    assert second.review_id == first.review_id == "kent-child-r-2019"
    # Another area's R, or the same area's R from another source in another year, is not.
    save(fresh_store, item("R", "Surrey", url="https://surrey.example/"), "surrey-scp")
    save(fresh_store, item("R", "Kent", "2024", url="https://nspcc.example/"), "nspcc", "nspcc")
    assert len(ids(fresh_store)) == 3


def test_a_bare_letter_matches_child_r_of_the_same_area_and_year_on_another_site(fresh_store):
    save(fresh_store, item("Child R", "Kent", "2019-05"), "nspcc", "nspcc")
    result = save(fresh_store, item("R", "Kent", "2019"), "kent-scp")
    assert result.review_id == "kent-child-r-2019"
    assert len(ids(fresh_store)) == 1


@pytest.mark.parametrize("variant", ["Child M and N", "Child M and Child N", "Child M & N"])
def test_child_m_and_n_and_children_m_and_n_are_one_review(fresh_store, variant):
    first = save(fresh_store, item("Children M and N", "Kent", "2018"), "nspcc", "nspcc")
    second = save(fresh_store, item(variant, "Kent", "2018-03"), "kent-scp")
    assert second.review_id == first.review_id == "kent-children-m-and-n-2018"
    # Child M on its own is another review.
    save(fresh_store, item("Child M", "Kent", "2018-03", url="https://kent.example/m"))
    assert len(ids(fresh_store)) == 2


def test_mr_and_mrs_t_keeps_both(fresh_store):
    first = save(fresh_store, item("Mr and Mrs T", "Hounslow", "2022", review_type="sar"))
    [row] = query(fresh_store.path, "SELECT pseudonym, name_key, title FROM reviews")
    assert row == {
        "pseudonym": "Mr and Mrs T",
        "name_key": "mr mrs t",
        "title": "Mr and Mrs T: safeguarding adults review, Hounslow",
    }
    # The board's page later calls it "Mrs T": the same review.
    later = save(
        fresh_store, item("Mrs T", "Hounslow", "2022", review_type="sar", url="https://x/")
    )
    assert later.review_id == first.review_id == "hounslow-mr-and-mrs-t-2022"
    # Mr T of another year, or Mr S, is not.
    save(fresh_store, item("Mr S", "Hounslow", "2022", review_type="sar", url="https://y/"))
    assert compare(subject_key("Mr T"), subject_key("Mrs T")) == "different"
    assert len(ids(fresh_store)) == 2


def test_a_topic_and_its_full_title_are_one_subject_but_a_sequel_is_not():
    """'The Myth of Invisible Men' and its full title with '… children under 1 …': the number
    belongs to a long subtitle; 'review 2' or 'phase 2' is another review."""
    from crawler.normalise.subject_key import key_for

    def topic(text):
        return key_for(None, text, "topic")

    short = topic("The Myth of Invisible Men")
    full = topic("The myth of invisible men: safeguarding children under 1 from non-accidental"
                 " injury caused by male carers")  # fmt: skip
    assert compare(short, full) == "same"
    babies = topic("Neglect of babies")
    assert len(babies.parts) >= 2  # (a one-word topic never matches a longer one at all)
    assert compare(babies, topic("Neglect of babies 2")) == "different"
    assert compare(babies, topic("Neglect of babies phase two")) == "different"
    assert compare(babies, topic("Neglect of babies phase 2: the voices of young people aged 13"
                                 " to 17 in care")) == "different"  # fmt: skip
    # A sequel with a subtitle is still a sequel.
    rochdale = topic("Child sexual exploitation in Rochdale")
    assert compare(rochdale, topic("Child sexual exploitation in Rochdale 2: learning from young"
                                   " people in care")) == "different"  # fmt: skip
    assert compare(babies, topic("Neglect of babies under 1 in temporary housing")) == "maybe"


def test_two_different_anonymous_child_c_reviews_stay_apart(fresh_store):
    c2014 = item("Child C", "Anonymous", "2014-12", url=NSPCC_PAGE,
                 summary="Death of a baby from a head injury in 2013.")  # fmt: skip
    c2015 = item("Child C", "Anonymous", "2015-03", url=NSPCC_PAGE,
                 summary="Sexual exploitation of a 15-year-old girl over two years.")  # fmt: skip
    a = save(fresh_store, c2014, "nspcc", "nspcc")
    b = save(fresh_store, c2015, "nspcc", "nspcc")
    assert (a.outcome, b.outcome) == ("new", "new")
    assert a.review_id != b.review_id
    # The same anonymous entry on another NSPCC page is the same review.
    again = save(fresh_store, {**c2014, "source_url": NSPCC_PAGE + "?page=2"}, "nspcc", "nspcc")
    assert again.review_id == a.review_id
    assert len(ids(fresh_store)) == 2


def test_a_press_statement_shared_by_child_p_and_child_q_merges_nothing(fresh_store):
    statement = {"url": "https://osc.example/press-statement.pdf", "kind": "response",
                 "title": "Press statement"}  # fmt: skip
    p = save(fresh_store, item("Child P", "Oxfordshire", "2021", documents=[statement,
             {"url": "https://osc.example/child-p.pdf", "kind": "full_report", "title": "P"}]))  # fmt: skip
    q = save(fresh_store, item("Child Q", "Oxfordshire", "2021", documents=[statement],
             url="https://osc.example/q"))  # fmt: skip
    assert p.review_id == "oxfordshire-child-p-2021"
    assert q.review_id == "oxfordshire-child-q-2021"
    [row] = query(fresh_store.path, "SELECT pseudonym FROM reviews WHERE id = ?", p.review_id)
    assert row["pseudonym"] == "Child P"
    # The same full report listed by the NSPCC under Child P is Child P's review.
    nspcc = save(fresh_store, item("Child P", "Oxfordshire", "2021", url=NSPCC_PAGE, documents=[
        {"url": "https://osc.example/child-p.pdf", "kind": "full_report", "title": "Read"}]),
        "nspcc", "nspcc")  # fmt: skip
    assert nspcc.review_id == p.review_id


def test_a_report_shared_with_another_subject_is_no_evidence():
    report = frozenset({"https://x.example/joint.pdf"})
    unnamed = Sighting("a", "s1", None, "Kent", published="2020", review_type="scr", reports=report)
    child_p = Sighting(
        "b",
        "s2",
        subject_key("Child P"),
        "Kent",
        published="2020",
        review_type="scr",
        reports=report,
    )
    assert match(unnamed, child_p, lambda url: False).same
    assert not match(unnamed, child_p, lambda url: True).same


def test_every_merge_says_why(fresh_store):
    save(fresh_store, item("Jasmine", "North Tyneside", "2021-04-12"), "north-tyneside-scp")
    save(fresh_store, item("Jasmine", "North Tyneside", "2021", url=NSPCC_PAGE), "nspcc", "nspcc")
    rows = query(fresh_store.path, "SELECT source, match FROM review_sources ORDER BY source")
    for row in rows:
        [why] = json.loads(row["match"])
        assert why["evidence"] == {"area": 2.0, "subject": 3.0, "type": 1.0, "year": 1.0}
        assert why["score"] == 7.0


def test_an_id_keeps_its_year_and_the_old_id_resolves(fresh_store):
    first = save(fresh_store, item("Child LN", "Lancashire", url="https://lscb.example/a"))
    assert first.review_id == "lancashire-child-ln"
    dated = save(fresh_store, item("Child LN", "Lancashire", "2017-06-14", url=NSPCC_PAGE),
                 "nspcc", "nspcc")  # fmt: skip
    assert dated.review_id == "lancashire-child-ln-2017"
    assert ids(fresh_store) == ["lancashire-child-ln-2017"]
    assert fresh_store.resolve("lancashire-child-ln") == "lancashire-child-ln-2017"
    [row] = query(fresh_store.path, "SELECT guid FROM reviews")
    assert row["guid"] == "lancashire-child-ln"  # the feed's id does not change


@pytest.mark.parametrize(
    ("raw", "pseudonym", "expected"),
    [
        ("The Royal Borough of Greenwich Safeguarding Adults Board published its SAR into the"
         " care of Joan on 15 March 2023.", "Joan", "Joan: safeguarding adults review, Greenwich"),
        ("December 2014NSPCC on behalf of unnamed LSCB - Child C", "Child C",
         "Child C: serious case review"),
        ("Baby K - Overview Report, March 2023 (PDF, 1MB)", "Baby K",
         "Baby K: serious case review, Greenwich"),
        ("Significant Case Review - Baby E - Executive Summary [287kb]", "Baby E",
         "Baby E: serious case review, Greenwich"),
    ],
)  # fmt: skip
def test_titles_are_built_from_the_record(fresh_store, raw, pseudonym, expected):
    area = "Anonymous" if "unnamed" in raw else "Greenwich"
    kind = "sar" if "SAR" in raw else "scr"
    save(fresh_store, item(pseudonym, area, "2023", title=raw, review_type=kind))
    [row] = query(fresh_store.path, "SELECT title FROM reviews")
    assert row["title"] == expected
    assert title_problem(raw) is not None
    [sighting] = query(fresh_store.path, "SELECT source_title FROM review_sources")
    assert sighting["source_title"] == raw


def test_a_scottish_serious_case_review_is_called_what_scotland_calls_it(fresh_store):
    save(fresh_store, {**item("Baby S", "Aberdeenshire", "2021-08-02"), "nation": "Scotland"})
    save(fresh_store, item("Baby S", "Kent", "2021-08-02"))
    titles = [r["title"] for r in query(fresh_store.path, "SELECT title FROM reviews ORDER BY id")]
    assert titles == [
        "Baby S: significant case review, Aberdeenshire",
        "Baby S: serious case review, Kent",
    ]


def test_a_thematic_or_national_review_is_titled_by_its_topic(fresh_store):
    save(fresh_store, {**item(None, "Lancashire", "2021-03-03", review_type="other"),
                       "name": "Sibling Abuse", "subject_kind": "topic"})  # fmt: skip
    national = "The myth of invisible men: safeguarding children under 1 from non-accidental injury"
    save(fresh_store, {**item(None, "National", "2021-09-15", review_type="national_review"),
                       "name": national}, "govuk", "govuk")  # fmt: skip
    titles = [r["title"] for r in query(fresh_store.path, "SELECT title FROM reviews ORDER BY id")]
    assert titles == ["Sibling Abuse, Lancashire", national]


OUT_OF_ROUTINE = (
    "Out of routine: a review of sudden unexpected death in infancy (SUDI) in families where the"
    " children are considered at risk of significant harm"
)


@pytest.mark.parametrize(
    ("title", "problem"),
    [
        (OUT_OF_ROUTINE, None),  # GOV.UK's title: a short head, then a long subtitle
        ("Child protection in England: national review into the murders of Arthur Labinjo-Hughes"
         " and Star Hobson, and what every agency should learn from them", None),
        # the same length told as a story, with or without a head
        ("Child Q: the review found that the school had called the police who then searched her"
         " at school without an appropriate adult present in the room", "sentence"),
        ("The partnership looked at what happened when the mother moved house several times and"
         " agencies lost track of the family over two years", "sentence"),
        # a long head is no title's head
        ("A review of the way that agencies in the north of the county worked together: the"
         " children of one family over eleven years of neglect and harm and loss", "sentence"),
    ],
)  # fmt: skip
def test_a_long_title_with_a_short_head_is_a_title_and_a_story_is_not(title, problem):
    assert len(title.split()) > 18
    assert title_problem(title) == problem


def test_a_national_review_keeps_a_name_when_its_best_sighting_has_none_to_show(fresh_store):
    told = OUT_OF_ROUTINE.replace("Out of routine:", "Out of routine was published today:")
    save(fresh_store, {**item(None, "National", "2020-07-20", review_type="national_review"),
                       "name": told}, "govuk", "govuk")  # fmt: skip
    save(fresh_store, {**item(None, "National", "2020-07", review_type="national_review"),
                       "name": "Out of Routine"}, "leeds-scp", "partnership")  # fmt: skip
    [row] = query(fresh_store.path, "SELECT title FROM reviews")
    assert title_problem(told) == "sentence"
    assert row["title"] == "Out of Routine"


def test_summaries_lose_link_residue_and_keep_their_sentences():
    assert (
        clean_summary(
            "Please find attached a Serious Case Review in respect of Patrick. Click here for the"
            " Patrick report. ."
        )
        == "Please find attached a Serious Case Review in respect of Patrick."
    )
    assert clean_summary("More is published on the Salford website .") == (
        "More is published on the Salford website."
    )
    assert clean_summary("The full report is available here and a 7 minute briefing here.") is None
    assert clean_summary("Download the Child Ava report | Child Ava 7 minute briefing") is None
    kept = "Child H went missing in October 2018. There was evidence of injury and neglect."
    assert clean_summary(kept) == kept


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        ("Download", "executive_summary", "Executive summary: Child N"),
        ("Read more", "full_report", "Report: Child N"),
        ("here", "learning_brief", "Learning brief: Child N"),
        ("PDF", "action_plan", "Action plan: Child N"),
        ("Published 7 September 2017", "full_report", "Report: Child N"),
        ("Read the overview report", "full_report", "Overview report: Child N"),
        ("Child N overview report", "full_report", "Child N overview report"),
        ("Adroddiad (Cymraeg)", "full_report", "Adroddiad (Cymraeg)"),
    ],
)
def test_a_document_title_that_says_nothing_names_its_kind_and_subject(title, kind, expected):
    assert document_title(title, kind, "Child N") == expected


@pytest.mark.parametrize(
    ("label", "title", "tail"),
    [
        ("Executive summary", "Executive summary: Child M", ": Child M"),
        ("Learning brief", "Learning Brief: Poppy", ": Poppy"),
        ("Report", "Report (English): GwSB APR 01/2022", " (English): GwSB APR 01/2022"),
        ("Report", "Report", ""),
        ("Report", None, ""),
        ("Report", "Reporting concerns: a briefing", ": Reporting concerns: a briefing"),
        ("Report", "Child N overview report", ": Child N overview report"),
    ],
)
def test_a_document_is_shown_by_its_label_and_the_rest_of_its_title(label, title, tail):
    assert document_tail(label, title) == tail
    assert "Executive summary: Executive summary" not in label + document_tail(label, title)


def test_review_fields_are_defined_once():
    assert set(ReviewItem.fields) == set(ITEM_FIELDS)
    assert set(MERGED_FIELDS) <= set(REVIEW_COLUMNS)
    assert {"summary", "title", "pseudonym"} <= set(TEXT_FIELDS)
    assert display("Child M and Child N") == "Children M and N"
    # quote marks of every kind, backticks too (Pembrokeshire's "`June`"), leave a title
    assert [display(n) for n in ("`June`", "‘June’", '"June"', "´June´")] == ["June"] * 4


def test_a_sighting_with_no_subject_and_none_of_its_documents_is_counted_not_stored():
    class Stats:
        values: dict = {}

        def inc_value(self, key, count=1):
            self.values[key] = self.values.get(key, 0) + count

    stats = Stats()
    pipeline = ValidatePipeline(stats)
    unnamed = ReviewItem(source="reigate-banstead-csp", title="DHR 2017", name="DHR 2017",
                         name_key="dhr 2017", subject_kind="dated", area="Reigate and Banstead",
                         review_type="dhr", documents=[])  # fmt: skip
    with pytest.raises(DropItem, match="no_subject"):
        pipeline.process_item(unnamed)
    assert stats.values["scr/source/reigate-banstead-csp/no_subject"] == 1
    with_report = ReviewItem(**ItemAdapter(unnamed).asdict())
    with_report["documents"] = [{"url": "https://x/dhr.pdf", "kind": "executive_summary"}]
    assert pipeline.process_item(with_report) is with_report


# -- the bundled snapshot ------------------------------------------------------------------------


def _sightings_as_items(db) -> list[tuple[str, str, dict]]:
    """Every sighting of a harvested database as the item the store was given."""
    out = []
    for row in query(db, "SELECT * FROM review_sources ORDER BY id"):
        fields = json.loads(row["fields"])
        documents = query(
            db, "SELECT url, kind, title FROM sighting_documents WHERE sighting_id = ?", row["id"]
        )
        it = {**fields, "title": row["source_title"], "source_url": row["url"],
              "documents": documents}  # fmt: skip
        out.append((row["source"], row["source_kind"], it))
    return out


def _state(store) -> dict:
    ignored = {"first_seen", "last_seen", "updated", "first_source", "first_url", "guid"}
    reviews = {
        r["id"]: {k: v for k, v in r.items() if k not in ignored}
        for r in query(store.path, "SELECT * FROM reviews")
    }
    sightings = {r["id"]: r["review_id"] for r in query(store.path, "SELECT * FROM review_sources")}
    documents = {
        r["url"]: (r["review_id"], r["kind"], r["title"])
        for r in query(store.path, "SELECT * FROM documents")
    }
    return {"reviews": reviews, "sightings": sightings, "documents": documents}


def test_ids_and_rows_do_not_depend_on_harvest_order(snapshot_db, tmp_path):
    sightings = _sightings_as_items(snapshot_db)
    by_source: dict[str, list] = {}
    for entry in sightings:
        by_source.setdefault(entry[0], []).append(entry)
    states = []
    for n in range(20):
        rng = random.Random(n)
        sources = sorted(by_source)
        rng.shuffle(sources)
        store = ReviewStore(tmp_path / f"order-{n}.db")
        for source in sources:
            entries = list(by_source[source])
            rng.shuffle(entries)
            for src, kind, it in entries:
                store.save_review(it, source=src, source_kind=kind, seen_at=T1)
        states.append(_state(store))
        store.close()
    assert len(states[0]["reviews"]) > 500
    for n, state in enumerate(states[1:], 1):
        for part in ("reviews", "sightings", "documents"):
            assert state[part] == states[0][part], (n, part)


def test_on_the_snapshot_no_two_rows_share_area_subject_and_year(snapshot_db):
    twins = query(
        snapshot_db,
        "SELECT area, name_key, published_year, group_concat(id) ids FROM reviews"
        " GROUP BY area, name_key, published_year HAVING count(*) > 1",
    )
    assert twins == []


def test_on_the_snapshot_no_title_is_a_sentence_a_file_label_or_a_glued_date(snapshot_db):
    bad = [
        (r["id"], r["title"], title_problem(r["title"]))
        for r in query(snapshot_db, "SELECT id, title FROM reviews")
        if title_problem(r["title"])
    ]
    assert bad == []


def test_on_the_snapshot_every_id_has_its_letters_and_its_known_year(snapshot_db):
    rows = query(snapshot_db, "SELECT id, name_key, subject_kind, published_year FROM reviews")
    assert len(rows) > 500
    for row in rows:
        if row["published_year"]:
            assert str(row["published_year"]) in row["id"], row
        key = subject_key(row["name_key"] or "")
        if row["subject_kind"] in ("child", "baby", "children", "adult", "mr", "mrs", "ms",
                                   "young person", "family", "letter"):  # fmt: skip
            letters = row["name_key"].split()[-1]
            assert f"-{letters}-" in f"{row['id']}-", row
        assert key is not None or row["subject_kind"] in (None, "dated"), row


def test_on_the_snapshot_foreign_keys_hold(snapshot_db):
    conn = sqlite3.connect(snapshot_db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = {(r[2], r[3]) for r in conn.execute("PRAGMA foreign_key_list(documents)")}
    keys |= {(r[2], r[3]) for r in conn.execute("PRAGMA foreign_key_list(review_sources)")}
    assert keys == {("reviews", "review_id")}
    conn.close()


# -- migration from version 1 -----------------------------------------------------------------------


@pytest.fixture
def v1_db(tmp_path):
    path = tmp_path / "v1.db"
    with gzip.open(V1_DB) as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def test_a_version_1_database_migrates_and_every_old_id_resolves(v1_db):
    old = sqlite3.connect(v1_db)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old_ids = [r[0] for r in old.execute("SELECT id FROM reviews")]
    old_documents = old.execute("SELECT count(*) FROM documents").fetchone()[0]
    old_sightings = old.execute("SELECT count(*) FROM review_sources").fetchone()[0]
    old.close()
    store = ReviewStore(v1_db)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [i for i in old_ids if store.resolve(i) is None] == []
    assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == old_documents
    assert store.conn.execute("SELECT count(*) FROM review_sources").fetchone()[0] == old_sightings
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # Re-keyed: the letters are back in the ids, and known years with them.
    assert store.resolve("portsmouth-children-a-and-b-2013") == "portsmouth-children-a-and-b-2013"
    assert store.resolve("lancashire-child-ln") == "lancashire-child-ln-2017"
    assert store.resolve("hounslow-mrs-t-2022") is not None
    hits = store.conn.execute(
        "SELECT count(*) FROM reviews_fts WHERE reviews_fts MATCH 'neglect'"
    ).fetchone()[0]
    assert hits > 10
    store.close()
    # Opening it again changes nothing.
    before = _state(ReviewStore(v1_db))
    assert _state(ReviewStore(v1_db)) == before


@pytest.mark.parametrize("step", ["sightings", "documents", "rekeyed"])
def test_a_migration_killed_partway_is_done_right_by_the_next_run(v1_db, tmp_path, step):
    clean = tmp_path / "clean.db"
    shutil.copy(v1_db, clean)
    expected = _state(ReviewStore(clean))
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from crawler.database import ReviewStore; ReviewStore({str(v1_db)!r})",
        ],
        cwd=ROOT,
        env={**__import__("os").environ, "SCR_MIGRATION_PAUSE": step},
        stdout=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    line = process.stdout.readline()
    while "paused" not in line and time.monotonic() < deadline:
        line = process.stdout.readline()
    assert f"paused at {step}" in line
    process.kill()  # SIGKILL: no cleanup, no rollback by the process itself
    process.wait()
    conn = sqlite3.connect(v1_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # as it was
    conn.close()
    store = ReviewStore(v1_db)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert _state(store) == expected
    store.close()


async def test_an_old_row_url_redirects_to_the_review(v1_db):
    ReviewStore(v1_db).close()
    with open(ROOT / "metadata.yml", encoding="utf-8") as fh:
        metadata = yaml.safe_load(fh)
    ds = Datasette([str(v1_db)], metadata=metadata)
    name = v1_db.stem
    old = await ds.client.get(f"/{name}/reviews/lancashire-child-ln")
    assert old.status_code == 301
    assert old.headers["location"] == f"/{name}/reviews/lancashire-child-ln-2017"
    as_json = await ds.client.get(f"/{name}/reviews/lancashire-child-ln.json?_shape=objects")
    assert as_json.headers["location"] == (
        f"/{name}/reviews/lancashire-child-ln-2017.json?_shape=objects"
    )
    current = await ds.client.get(f"/{name}/reviews/lancashire-child-ln-2017")
    assert current.status_code == 200
    missing = await ds.client.get(f"/{name}/reviews/no-such-review")
    assert missing.status_code == 404
