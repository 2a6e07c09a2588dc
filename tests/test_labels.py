"""What the pages call things, on the bundled snapshot: a document by its kind and the rest of
its title (never its kind twice), in every place a document is listed."""

from __future__ import annotations

import re

import pytest
import yaml
from datasette.app import Datasette

from .conftest import ROOT, query

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
LABELS = ("Report", "Executive summary", "Learning brief", "Action plan", "Response", "Document")
TWICE = re.compile(
    r"(?:>|\[)(" + "|".join(LABELS) + r")(?:</a>|\]\(<[^>]*>\))(?:<span[^>]*>)?[:\s–]+\1\b", re.I
)  # "Learning brief</a>: Learning brief: …", "Report</a> <span …>Report (English)…"


@pytest.fixture
def ds(snapshot_db):
    return Datasette([str(snapshot_db)], metadata=METADATA, settings={"suggest_facets": False})


async def test_no_review_page_names_a_documents_kind_twice(ds, snapshot_db):
    ids = [r["review_id"] for r in query(
        snapshot_db,
        "SELECT DISTINCT review_id FROM documents WHERE title LIKE 'Learning brief:%'"
        " OR title LIKE 'Executive summary:%' OR title LIKE 'Report:%' OR title LIKE 'Report (%'",
    )]  # fmt: skip
    assert len(ids) >= 20
    for review_id in ids:
        html = (await ds.client.get(f"/reviews/reviews/{review_id}")).text
        documents = html.split('<ul class="scr-documents">')[1].split("</ul>")[0]
        assert not TWICE.search(documents), (review_id, TWICE.search(documents)[0])
    jasmine = (await ds.client.get("/reviews/reviews/north-tyneside-jasmine-2021")).text
    assert "Learning brief</a>: Briefing Note Supervision Orders" in jasmine


async def test_no_digest_names_a_documents_kind_twice(ds, snapshot_db):
    months = {r["m"] for r in query(snapshot_db, "SELECT substr(published, 1, 7) m FROM reviews"
                                    " WHERE length(published) >= 7")}  # fmt: skip
    for month in sorted(months):
        for path in (f"/digest/{month}", f"/digest/{month}.md"):
            text = (await ds.client.get(path)).text
            assert not TWICE.search(text), (path, TWICE.search(text)[0])
    september = (await ds.client.get("/digest/2023-09")).text
    assert 'Report</a><span class="digest-doc-title"> (English): GwSB APR 01/2022' in september


async def test_the_other_type_is_called_the_same_on_the_review_page_and_in_the_digest(ds):
    # "other" holds thematic reviews and multi-agency learning reviews (Essex's Child V)
    page = (await ds.client.get("/reviews/reviews/essex-child-v-2021")).text
    assert "<dt>Type</dt><dd>Thematic or other review</dd>" in page
    digest = (await ds.client.get("/digest/2021-10")).text
    assert "England: Thematic and other reviews" in digest


async def test_a_thematic_reviews_digest_card_names_its_area_once(ds):
    digest = (await ds.client.get("/digest/2023-09.md")).text
    assert "### 2023 – Wiltshire – young people and self-harm\n" in digest
    assert "self-harm, Wiltshire" not in digest.split("### 2023 – Wiltshire")[1].split("\n")[0]
