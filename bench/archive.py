"""The document archive, measured: text extraction speed, what a second harvest downloads, and
search inside report text at 5,000 reports of 40 pages. Prints numbers; asserts nothing.

    python bench/archive.py                 # all three
    python bench/archive.py --documents 1000 # a smaller text-search corpus
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
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
WORDS = [
    "neglect",
    "was not brought",
    "disguised compliance",
    "cuckooing",
    "professional curiosity",
]


def sentences() -> list[str]:
    """Real-shaped sentences: the bundled snapshot's review summaries, split."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seed.db"
        subprocess.run(
            [sys.executable, "-m", "crawler.cli", "harvest", "--snapshot",
             str(ROOT / "data" / "snapshot"), "--db", str(db), "-q"],
            cwd=ROOT, check=True, capture_output=True, env={**os.environ, "SCR_ARCHIVE": "0"},
        )  # fmt: skip
        conn = sqlite3.connect(db)
        found = []
        for (summary,) in conn.execute("SELECT summary FROM reviews WHERE summary IS NOT NULL"):
            found += [s.strip() for s in re.split(r"(?<=[.!?])\s+", summary) if len(s) > 30]
        conn.close()
    return found


def page_text(rng: random.Random, pool: list[str], words: int = 450) -> str:
    out, count = [], 0
    while count < words:
        sentence = rng.choice(pool)
        out.append(sentence)
        count += sentence.count(" ") + 1
    text = " ".join(out).replace("\u2019", "'").replace("\u2018", "'")
    return text.encode("latin-1", "replace").decode("latin-1")


def bench_extraction(pool: list[str], reports: int = 12, pages: int = 40) -> None:
    from crawler.reporttext import extract
    from tests.docfactory import pdf

    rng = random.Random(7)
    files = [pdf([page_text(rng, pool) for _ in range(pages)]) for _ in range(reports)]
    size = sum(len(f) for f in files)
    start = time.perf_counter()
    total = 0
    for body in files:
        total += len(extract(body).pages)
    elapsed = time.perf_counter() - start
    print(f"text extraction: {total} PDF pages in {elapsed:.2f} s = {total / elapsed:.0f} pages/s,"
          f" {size / elapsed / 1e6:.1f} MB/s ({size / 1e6:.1f} MB of PDF, pypdfium2)")  # fmt: skip


def bench_dedupe() -> None:
    """Harvest the bundled snapshot twice; count what each run downloaded into the archive."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "reviews.db"
        runs = []
        for _ in range(2):
            started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            time.sleep(1.1)
            subprocess.run(
                [sys.executable, "-m", "crawler.cli", "harvest", "--snapshot",
                 str(ROOT / "data" / "snapshot"), "--db", str(db), "-q"],
                cwd=ROOT, check=True, capture_output=True,
            )  # fmt: skip
            conn = sqlite3.connect(db)
            runs.append(
                conn.execute(
                    "SELECT count(*), coalesce(sum(bytes), 0) FROM documents WHERE fetched >= ?"
                    " AND archive_status = 'archived'",
                    (started,),
                ).fetchone()
            )
            stored = sum(
                p.stat().st_size for p in (Path(tmp) / "archive").rglob("*") if p.is_file()
            )
            conn.close()
        print(f"archive, first harvest of the snapshot: {runs[0][0]} documents, {runs[0][1]:,} bytes"
              f" downloaded; second harvest: {runs[1][0]} documents, {runs[1][1]:,} bytes"
              f" (archive on disk: {stored:,} bytes)")  # fmt: skip


def corpus(path: Path, documents: int, pages: int, pool: list[str]) -> None:
    from crawler.database import ReviewStore

    path.unlink(missing_ok=True)
    ReviewStore(path).close()
    conn = sqlite3.connect(path)
    rng = random.Random(11)
    rare = ["disguised compliance", "cuckooing", "was not brought", "professional curiosity"]
    conn.execute("BEGIN")
    for n in range(documents):
        review = f"bench-review-{n}"
        conn.execute(
            "INSERT INTO reviews (id, title, area, nation, review_type, published, published_year,"
            " status, first_seen) VALUES (?, ?, 'Kent', 'England', 'cspr', ?, ?, 'published', ?)",
            (review, f"Child {n}", f"{2015 + n % 11}-03-01", 2015 + n % 11, "2026-01-01"),
        )
        sha = hashlib.sha256(review.encode()).hexdigest()
        conn.execute(
            "INSERT INTO documents (url, review_id, kind, status, archive_status, sha256,"
            " content_type, pages) VALUES (?, ?, 'full_report', 'available', 'archived', ?,"
            " 'application/pdf', ?)",
            (f"https://example.org/{n}.pdf", review, sha, pages),
        )
        rows = []
        for page in range(1, pages + 1):
            text = page_text(rng, pool, 350)
            if rng.random() < 0.01:
                text += " " + rng.choice(rare) + " was noted."
            rows.append((sha, page, text))
        conn.executemany("INSERT INTO document_pages (sha256, page, text) VALUES (?, ?, ?)", rows)
    conn.execute("COMMIT")
    conn.execute("INSERT INTO document_pages_fts(document_pages_fts) VALUES ('optimize')")
    conn.commit()
    conn.close()


def bench_text_search(documents: int, pages: int, pool: list[str], rounds: int = 10) -> None:
    from feeds.reporttext import search_text

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"report-text-{documents}x{pages}.db"
    if not path.exists():
        start = time.perf_counter()
        corpus(path, documents, pages, pool)
        print(f"built {path.name} in {time.perf_counter() - start:.0f} s")
    conn = sqlite3.connect(path)
    total = conn.execute("SELECT count(*) FROM document_pages").fetchone()[0]
    print(f"search in report text: {documents:,} reports, {total:,} pages"
          f" ({path.stat().st_size / 1e6:.0f} MB)")  # fmt: skip
    print(f"  {'words':28s} {'pages':>8s} {'p50 ms':>8s} {'p95 ms':>8s}")
    cases = [(w, {}) for w in WORDS] + [
        ("neglect", {"year": "2019"}),
        ("cuckooing", {"year": "2019"}),
    ]
    for words, filters in cases:
        search_text(conn, words, filters)  # warm
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            result = search_text(conn, words, filters)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        label = words + "".join(f", {k}={v}" for k, v in filters.items())
        print(f"  {label:28s} {result.count:8,d} {statistics.median(times):8.0f} {p95:8.0f}")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args()
    pool = sentences()
    bench_extraction(pool)
    bench_dedupe()
    bench_text_search(args.documents, args.pages, pool)


if __name__ == "__main__":
    main()
