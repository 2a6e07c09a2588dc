"""Extraction accuracy over the saved pages: per-source and overall precision, recall and field
accuracy (review type, published date, status, documents), leave-one-site-out figures for the
classifier, and which of its features each site relies on.

    python bench/accuracy.py                       # every partnership source with an answer file
    python bench/accuracy.py --sources a,b,c       # some of them
    python bench/accuracy.py --markdown            # the per-source table as Markdown
    python bench/accuracy.py --loso                # train without each site, test on it
    python bench/accuracy.py --fit                 # fit the model on every site, save it
    python bench/accuracy.py --rules               # per-feature coverage across sites

Runs offline through the real spider callbacks and pipelines (tests/harness.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.extract import classify as classify_module  # noqa: E402
from crawler.extract import extractor  # noqa: E402
from crawler.extract.classify import FEATURES, Model, fit  # noqa: E402
from crawler.registry import get_source  # noqa: E402
from crawler.spiders.partnerships import PartnershipSpider, listing_urls  # noqa: E402
from tests.harness import (  # noqa: E402
    Comparison,
    compare_partnership,
    crawl_offline,
    expected_key,
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


def score(source_ids: list[str] | None = None, model: Model | None = None):
    """Each source's comparison with its answers, and the decisions its harvest made."""
    answers = load_expected("partnerships")
    wanted = source_ids or sorted(answers)
    results, decisions = {}, {}
    saved = classify_module._MODEL
    classify_module._MODEL = model or saved
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for source_id in wanted:
                extractor.DECISION_LOG = []
                results[source_id] = compare_partnership(
                    answers[source_id], harvest(source_id, Path(tmp))
                )
                decisions[source_id] = extractor.DECISION_LOG
    finally:
        extractor.DECISION_LOG = None
        classify_module._MODEL = saved
    return results, decisions


def labelled(decisions: dict[str, list], answers: dict[str, dict]) -> dict[str, list]:
    """Training rows per site: each record's features, and whether its answer file lists it."""
    rows = {}
    for source_id, logged in decisions.items():
        wanted = {expected_key(r["name"]) for r in answers[source_id].get("reviews") or []}
        rows[source_id] = [
            (features, int(expected_key(name) in wanted)) for _, name, features in logged
        ]
    return rows


def loso(source_ids: list[str] | None = None) -> dict[str, Comparison]:
    """Leave one site out: for each site, fit on the others' records, then harvest it."""
    answers = load_expected("partnerships")
    _, decisions = score(source_ids)
    rows = labelled(decisions, answers)
    results = {}
    for source_id in rows:
        training = [row for other, site in rows.items() if other != source_id for row in site]
        model = fit(training)
        results.update(score([source_id], model)[0])
    return results


def rules(decisions: dict[str, list], answers: dict[str, dict]) -> str:
    """For each feature: on how many sites it fires on a listed review, on how many on a
    record that is not one, and the sites where it alone decides (one site only)."""
    rows = labelled(decisions, answers)
    lines = [f"{'feature':24} {'sites+':>6} {'sites-':>6} {'reviews':>8} {'others':>7}  one site"]
    subject_rules = sorted(
        {k for site in rows.values() for f, _ in site for k in f if k.startswith("rule:")}
    )
    for feature in [*FEATURES, *subject_rules]:
        pos_sites = {s for s, site in rows.items() for f, y in site if y and f.get(feature)}
        neg_sites = {s for s, site in rows.items() for f, y in site if not y and f.get(feature)}
        pos = sum(1 for site in rows.values() for f, y in site if y and f.get(feature))
        neg = sum(1 for site in rows.values() for f, y in site if not y and f.get(feature))
        only = ", ".join(sorted(pos_sites)) if len(pos_sites) == 1 else ""
        lines.append(
            f"{feature:24} {len(pos_sites):>6} {len(neg_sites):>6} {pos:>8} {neg:>7}  {only}"
        )
    return "\n".join(lines)


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
    parser.add_argument("--loso", action="store_true", help="leave-one-site-out figures")
    parser.add_argument("--fit", action="store_true", help="fit the model and save it")
    parser.add_argument("--rules", action="store_true", help="per-feature coverage")
    args = parser.parse_args()
    ids = args.sources.split(",") if args.sources else None
    if args.fit:
        answers = load_expected("partnerships")
        _, decisions = score(ids)
        rows = labelled(decisions, answers)
        model = fit([row for site in rows.values() for row in site])
        model.save(sites=len(rows), records=sum(len(site) for site in rows.values()))
        print("saved", classify_module.MODEL_PATH)
        print("  bias", round(model.bias, 2))
        for name in FEATURES:
            print(f"  {name:14} {model.weights[name]:+.2f}")
        classify_module._MODEL = None
    results = loso(ids) if args.loso else score(ids)[0]
    print(table(results, args.markdown))
    if args.rules:
        print(rules(score(ids)[1], load_expected("partnerships")))
    if args.details:
        for source_id, result in results.items():
            for line in [*result.missing, *result.extra, *result.wrong, *result.forbidden]:
                print(f"  {source_id}: {line}")


if __name__ == "__main__":
    main()
