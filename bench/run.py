"""Benchmarks that print their numbers (nothing here asserts a time).

1. Extraction: the shared partnership extractor and the NSPCC parser over every saved page;
   then pages of one cue phrase repeated to 40 KB (``--long-runs`` alone), where anything
   quadratic in the text shows.
2. A full harvest of the bundled snapshot: wall time and the child process's peak memory.
3. Re-harvesting an unchanged site: requests and bytes of a cold harvest against a warm one
   that revalidates with ETags (a loopback server counts what it sends).

Run with `make bench`.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.extract.extractor import clear_caches, extract  # noqa: E402
from crawler.replay import sniff_content_type  # noqa: E402

SNAPSHOT = ROOT / "data" / "snapshot"


def saved_pages() -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted(SNAPSHOT.rglob("*")):
        if path.is_file():
            body = path.read_bytes()
            if (
                "html" in sniff_content_type(path, body)
                and b"<rss" not in body[:400]
                and b"<feed" not in body[:400]
            ):
                relative = path.relative_to(SNAPSHOT).as_posix().removesuffix("index.html")
                pages.append((f"https://{relative}", body))
    return pages


def bench_extraction(rounds: int = 5) -> None:
    pages = saved_pages()
    size = sum(len(body) for _, body in pages)
    timings = []
    for _ in range(rounds):
        clear_caches()  # each round cold, as a harvest meets its pages
        start = time.perf_counter()
        reviews = 0
        for url, body in pages:
            reviews += len(extract(body, url).reviews)
        timings.append(time.perf_counter() - start)
    best = min(timings)
    print(f"extraction: {len(pages)} pages, {size / 1e6:.2f} MB, {reviews} reviews found per round")
    print(
        f"  best {best * 1000:.0f} ms, median {statistics.median(timings) * 1000:.0f} ms"
        f" -> {len(pages) / best:.0f} pages/s, {size / best / 1e6:.1f} MB/s"
    )


def bench_snapshot_harvest() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "reviews.db"
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "crawler.cli",
                "harvest",
                "--snapshot",
                str(SNAPSHOT),
                "--db",
                str(db),
                "-q",
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        elapsed = time.perf_counter() - start
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        import sqlite3

        conn = sqlite3.connect(db)
        reviews = conn.execute("select count(*) from reviews").fetchone()[0]
        sightings = conn.execute("select count(*) from review_sources").fetchone()[0]
        conn.close()
        print(f"snapshot harvest: {reviews} reviews, {sightings} sightings in {elapsed:.1f} s")
        print(f"  peak memory of the harvest process: {peak_kb / 1024:.0f} MB")


def bench_reharvest() -> None:
    import yaml

    from tests.localsite import PAGES, LocalSite

    with tempfile.TemporaryDirectory() as tmp, LocalSite() as site:
        registry = Path(tmp) / "registry.yml"
        registry.write_text(
            yaml.safe_dump(
                [
                    {
                        "id": "kent-scp",
                        "name": "Kent",
                        "nation": "England",
                        "serves": "children",
                        "area": "Kent",
                        "area_codes": ["E10000016"],
                        "urls": [site.url("/slowpages/")],
                    }
                ]
            )
        )
        db = Path(tmp) / "reviews.db"
        command = [
            sys.executable, "-m", "crawler.cli", "harvest", "--db", str(db), "-q", "kent-scp",
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        ]  # fmt: skip
        env = {**os.environ, "SCR_REGISTRY": str(registry)}
        results = []
        for label in ("cold", "unchanged"):
            site.set_mode("healthy")
            subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
            results.append((label, sum(site.state.requests.values()), site.state.bytes_sent))
        print(
            f"re-harvest of an unchanged site ({PAGES} listing pages, ETag + Cache-Control: no-cache):"
        )
        cold = results[0][2]
        for label, requests, sent in results:
            print(
                f"  {label:9s} {requests:3d} requests, {sent:7d} body bytes ({sent / cold:.1%} of cold)"
            )


def big_nspcc_page(entries: int = 10_000) -> str:
    """An NSPCC-shaped listing of ``entries`` distinct reviews (real areas, varied subjects)."""
    import csv
    import itertools

    with open(ROOT / "data" / "areas.csv", encoding="utf-8") as f:
        areas = [r["name"] for r in csv.DictReader(f) if r.get("kind") in ("county", "unitary",
                 "metropolitan", "london", "district")][:150]  # fmt: skip
    letters = [
        "".join(p) for n in (1, 2) for p in itertools.product("ABCDEFGHJKLMNPRSTWXYZ", repeat=n)
    ]
    names = [f"Child {x}" for x in letters] + [f"Baby {x}" for x in letters[:60]]
    parts = ["<html><body><main><h1>Recently published case reviews</h1>"]
    combos = itertools.product(range(2008, 2026), areas, names)
    for n, (year, area, name) in zip(range(entries), combos, strict=False):
        slug = f"{area}-{name}-{year}".lower().replace(" ", "-")
        parts.append(
            f"<h3>{year} - {area} - {name}</h3>"
            f"<p><strong>Learning:</strong> agencies did not share information about {name}'s"
            f" injuries; case number {n}.</p>"
            f"<p><strong>Keywords:</strong> neglect, bruising, non-mobile babies</p>"
            f'<p><a href="https://library.nspcc.org.uk/docs/{slug}.pdf">Read the overview'
            " report</a></p>"
        )
    parts.append("</main></body></html>")
    return "".join(parts)


def bench_store_writes(entries: int = 10_000) -> None:
    """Reviews per second written by the pipelines (clean, normalise, validate, store) for one
    NSPCC page of ``entries`` entries, into a fresh database."""
    from itemadapter import ItemAdapter

    from crawler.extract.adapters.nspcc import entries_from_blocks
    from crawler.extract.blocks import linearise
    from crawler.pipelines.clean import CleanPipeline
    from crawler.pipelines.normalise import NormalisePipeline
    from crawler.pipelines.store import StorePipeline
    from crawler.pipelines.validate import ValidatePipeline
    from crawler.spiders.nspcc import entry_item

    url = "https://learning.nspcc.org.uk/case-reviews/recently-published-case-reviews"
    html = big_nspcc_page(entries)
    start = time.perf_counter()
    items = [entry_item(e, url) for e, _, _ in entries_from_blocks(linearise(html, url))]
    parsed = time.perf_counter() - start
    stages = [CleanPipeline(), NormalisePipeline(), ValidatePipeline()]
    with tempfile.TemporaryDirectory() as tmp:
        store = StorePipeline(str(Path(tmp) / "reviews.db"), "2026-12-01T00:00:00Z")
        store.open_spider()
        start = time.perf_counter()
        for item in items:
            for stage in stages:
                item = stage.process_item(item)
            store.process_item(item)
        elapsed = time.perf_counter() - start
        rows = store.store.conn.execute("select count(*) from reviews").fetchone()[0]
        store.close_spider()
    del ItemAdapter
    print(f"store writes: {len(items)} entries of one page parsed in {parsed:.1f} s;")
    print(f"  written in {elapsed:.1f} s -> {len(items) / elapsed:.0f} reviews/s ({rows} rows)")


# Cue phrases repeated into a long run: a flattened table of years, a list of names without
# punctuation. Each run is put in a link, a list item and a paragraph of one page.
RUNS = ["Child A ", "(", "2020 ", "Serious Case Review ", "a" * 50 + " ", "- ", "1/", "Mr ",
        "published ", "review of ", "'", "–", "  ", ".", "x-", "Baby ", "LCSPR ", "12th ", "Jan ",
        "the death of ", "aged 5 "]  # fmt: skip


def bench_long_runs(size: int = 40_000) -> None:
    """Extraction time of pages made of one repeated cue: a regex or loop that is quadratic in
    the text shows here (a run of 2,000 dates took 5 s at 10 KB before it was fixed)."""
    timings = []
    for cue in RUNS:
        text = (cue * (size // len(cue) + 1))[:size]
        html = (f"<html><body><main><h1>Reviews</h1><ul><li><a href='/r.pdf'>{text}</a></li>"
                f"<li>{text}</li></ul><p>{text}</p></main></body></html>")  # fmt: skip
        clear_caches()
        start = time.perf_counter()
        extract(html.encode(), "https://example.org.uk/reviews/")
        timings.append((time.perf_counter() - start, cue))
    worst = max(timings)
    print(
        f"long runs: {len(RUNS)} pages of one cue repeated to {size // 1000} KB, three times each;"
    )
    print(f"  median {statistics.median(t for t, _ in timings) * 1000:.0f} ms, worst"
          f" {worst[0] * 1000:.0f} ms ({worst[1].strip()[:20]!r})")  # fmt: skip


if __name__ == "__main__":
    if "--long-runs" in sys.argv:
        bench_long_runs()
        raise SystemExit
    if "--store" in sys.argv:
        bench_store_writes()
        raise SystemExit
    bench_extraction()
    bench_long_runs()
    bench_store_writes()
    bench_snapshot_harvest()
    bench_reharvest()
