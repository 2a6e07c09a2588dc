"""Extraction accuracy over the saved pages: per-source and overall precision, recall and field
accuracy (review type, published date, status, documents).

    python bench/accuracy.py                       # every partnership source with an answer file
    python bench/accuracy.py --sources a,b,c       # some of them
    python bench/accuracy.py --markdown            # the per-source table as Markdown

Runs offline through the real spider callbacks and pipelines (tests/harness.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.registry import get_source  # noqa: E402
from crawler.spiders.partnerships import PartnershipSpider, listing_urls  # noqa: E402
from tests.harness import (  # noqa: E402
    Comparison,
    compare_partnership,
    crawl_offline,
    load_expected,
    store_items,
    stored_reviews,
)

FIELDS = ("review_type", "published", "status", "documents")


def harvest(source_id: str, workdir: Path, answers_dir: Path | None = None) -> list[dict]:
    spider = PartnershipSpider(sources=source_id)
    source = get_source(source_id)
    requests = [
        spider.page(url, spider.parse_page, source=source_id, listing=True)
        for url in listing_urls(source.urls)
    ]
    store = store_items(crawl_offline(spider, requests), workdir / f"{source_id}.db")
    reviews = stored_reviews(store, source_id)
    store.close()
    return reviews


def score(source_ids: list[str] | None = None) -> dict[str, Comparison]:
    answers = load_expected("partnerships")
    wanted = source_ids or sorted(answers)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for source_id in wanted:
            results[source_id] = compare_partnership(
                answers[source_id], harvest(source_id, Path(tmp))
            )
    return results


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.2f}" if total else "–"


def table(results: dict[str, Comparison], markdown: bool = False) -> str:
    header = ["source", "expected", "found", "extra", "precision", "recall", *FIELDS]
    rows = []
    total = Comparison()
    for source_id, result in results.items():
        total.add(result)
        rows.append(_row(source_id, result))
    rows.append(_row("ALL", total))
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join(
        "  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *rows]
    )


def _row(name: str, result: Comparison) -> list[str]:
    fields = [_ratio(*result.fields.get(f, [0, 0])) for f in FIELDS]
    return [
        name,
        str(result.expected),
        str(result.found),
        str(len(result.extra)),
        f"{result.precision:.2f}",
        f"{result.recall:.2f}",
        *fields,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", help="comma-separated registry ids (default: all)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--details", action="store_true", help="list every miss and extra")
    args = parser.parse_args()
    ids = args.sources.split(",") if args.sources else None
    results = score(ids)
    print(table(results, args.markdown))
    if args.details:
        for source_id, result in results.items():
            for line in [*result.missing, *result.extra, *result.wrong, *result.forbidden]:
                print(f"  {source_id}: {line}")


if __name__ == "__main__":
    main()
