"""What staff open, timed at 100,000 reviews: search, a faceted page, a review, the digest, a
feed, trends. Prints p50 and p95 over three rounds next to the raw FTS5 query for the same
words, so the overhead shows. Nothing here asserts a time.

    python bench/scale.py                 # build (or reuse) the 100,000-review database, time it
    python bench/scale.py --reviews 20000 # a smaller one

The database is made from the bundled snapshot's reviews: each copied with another area,
year and id until there are enough (``bench/.cache/reviews-<n>.db``, rebuilt when missing).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CACHE = ROOT / "bench" / ".cache"
WORDS = ["safeguarding", "neglect", "domestic abuse", "cuckooing", "co-sleeping"]


def build(path: Path, total: int) -> None:
    """A database of ``total`` reviews shaped like the snapshot's."""
    from crawler.database import ReviewStore

    with tempfile.TemporaryDirectory() as tmp:
        seed = Path(tmp) / "seed.db"
        subprocess.run(
            [sys.executable, "-m", "crawler.cli", "harvest", "--snapshot", str(ROOT / "data" /
             "snapshot"), "--db", str(seed), "-q"], cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        source = sqlite3.connect(seed)
        source.row_factory = sqlite3.Row
        base = [dict(r) for r in source.execute("SELECT * FROM reviews")]
        documents = {}
        for d in source.execute("SELECT * FROM documents"):
            documents.setdefault(d["review_id"], []).append(dict(d))
        source.close()
    with open(ROOT / "data" / "areas.csv", encoding="utf-8") as fh:
        areas = [r for r in csv.DictReader(fh) if r["kind"] in ("unitary", "county",
                 "metropolitan_district", "london_borough", "scottish_council", "welsh_authority",
                 "ni_trust")]  # fmt: skip
    path.unlink(missing_ok=True)
    ReviewStore(path).close()
    conn = sqlite3.connect(path)
    columns = list(base[0])
    marks = ", ".join("?" * len(columns))
    reviews, docs, sightings, topics = [], [], [], []
    for n in range(total):
        row = dict(base[n % len(base)])
        area = areas[n % len(areas)]
        # Spread over 2000 to 2025, about 320 a month; every thousandth in January 2026, so
        # the latest month's digest has about a hundred (as a real month does).
        slot = (n * 37) % 312
        year, month = (2026, 1) if n % 1000 == 0 else (2000 + slot // 12, 1 + slot % 12)
        row.update(
            id=f"{row['id']}-{n}", id_base=f"{row['id']}-{n}", guid=f"{row['id']}-{n}",
            area=area["name"], area_code=area["code"], nation=area["nation"],
            region=area["region"], published=f"{year}-{month:02d}", published_year=year,
            first_seen=f"{year}-{month:02d}-15T06:00:00Z", last_seen="2026-11-30T06:00:00Z",
        )  # fmt: skip
        reviews.append([row[c] for c in columns])
        for t in json.loads(row["topics"] or "[]"):
            topics.append((row["id"], t, n + 1))
        for d in documents.get(base[n % len(base)]["id"], [])[:2]:
            docs.append((f"{d['url']}?copy={n}", row["id"], d["kind"], d["title"], d["source"],
                         "available", row["first_seen"], row["last_seen"]))  # fmt: skip
        sightings.append((f"s{n}", row["id"], "bench", "own", "https://example.org/reviews/",
                          row["title"], "{}", row["first_seen"], row["last_seen"]))  # fmt: skip
    with conn:
        conn.executemany(f"INSERT INTO reviews ({', '.join(columns)}) VALUES ({marks})", reviews)
        conn.executemany(
            "INSERT INTO review_topics (review_id, topic, review_rowid) VALUES (?, ?, ?)", topics
        )
        conn.executemany(
            "INSERT INTO documents (url, review_id, kind, title, source, status, first_seen,"
            " last_seen) VALUES (?,?,?,?,?,?,?,?)",
            docs,
        )
        conn.executemany(
            "INSERT INTO review_sources (id, review_id, source, source_kind, url, source_title,"
            " fields, listed, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,1,?,?)",
            sightings,
        )
        conn.execute(
            "INSERT INTO harvests (run_id, source, started, finished, state) VALUES"
            " ('bench', 'bench', '2004-01-01T00:00:00Z', '2004-01-01T01:00:00Z', 'ok')"
        )
    conn.execute("ANALYZE")
    conn.close()


def database(total: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"reviews-{total}.db"
    if not path.exists():
        start = time.perf_counter()
        build(path, total)
        print(f"built {path.name}: {total} reviews in {time.perf_counter() - start:.0f} s")
    return path


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


async def time_pages(path: Path, rounds: int = 3) -> None:
    import yaml
    from datasette.app import Datasette

    from crawler.cli import SERVE_SETTINGS
    from feeds.search import fts_query

    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    ds = Datasette([str(path)], metadata=metadata, settings=SERVE_SETTINGS)
    name = path.stem
    conn = sqlite3.connect(path)
    month = conn.execute("SELECT max(substr(published, 1, 7)) FROM reviews").fetchone()[0]
    review = conn.execute("SELECT id FROM reviews ORDER BY rowid LIMIT 1 OFFSET 5000").fetchone()[0]

    def raw(words: str) -> float:
        start = time.perf_counter()
        conn.execute(
            "SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ? ORDER BY rank LIMIT 20",
            (fts_query(words),),
        ).fetchall()
        conn.execute(
            "SELECT count(*) FROM reviews_fts WHERE reviews_fts MATCH ?", (fts_query(words),)
        ).fetchone()
        return time.perf_counter() - start

    pages = {
        **{f"search '{w}'": f"/search?q={w.replace(' ', '+')}" for w in WORDS},
        "search 'neglect', faceted (Wales, 2019)": "/search?q=neglect&nation=Wales&year=2019",
        "browse all, faceted": "/search",
        "review page": f"/{name}/reviews/{review}",
        f"digest {month}": f"/digest/{month}",
        "feed: all": "/feed.rss",
        "feed: search 'neglect'": "/feed.rss?q=neglect",
        "trends": "/trends",
        "trends 'neglect'": "/trends?q=neglect",
        "Datasette table, default": f"/{name}/reviews",
    }
    await ds.client.get("/")  # start up
    print(f"{'page':44s} {'p50 ms':>8s} {'p95 ms':>8s}   raw FTS5 p95 ms")
    for label, url in pages.items():
        await ds.client.get(url)  # a served site is warm: one round not counted
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            response = await ds.client.get(url)
            times.append(time.perf_counter() - start)
            if response.status_code != 200:
                print(f"  {url}: HTTP {response.status_code}")
        p50, p95 = percentiles(times)
        extra = ""
        if label.startswith("search '") and "faceted" not in label:
            words = label.split("'")[1]
            extra = f"{percentiles([raw(words) for _ in range(rounds)])[1]:8.1f}"
        print(f"{label:44s} {p50:8.0f} {p95:8.0f}   {extra}")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    args = parser.parse_args()
    path = database(args.reviews)
    print(f"{args.reviews} reviews ({path.stat().st_size / 1e6:.0f} MB)")
    asyncio.run(time_pages(path))


if __name__ == "__main__":
    main()
