"""The source registry is data: every entry must be sound, and every known page must be in it."""

from __future__ import annotations

import csv

import pytest

from crawler.registry import RegistryError, get_source, load_registry, registry_problems

from .conftest import ROOT

KNOWN_PAGES = ROOT.parent / "shared" / "sources" / "known-review-pages.csv"


def test_the_registry_has_no_problems():
    assert registry_problems(load_registry()) == []


@pytest.mark.skipif(not KNOWN_PAGES.exists(), reason="../shared is not beside the checkout")
def test_every_known_partnership_page_is_registered():
    with open(KNOWN_PAGES, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["serves"] in ("children", "adults")]
    registered = {url: s for s in load_registry() for url in s.urls}
    missing = [r["url"] for r in rows if r["url"] not in registered]
    assert missing == []
    for row in rows:
        source = registered[row["url"]]
        assert (source.nation, source.serves) == (row["nation"], row["serves"]), row["url"]


def test_seed_sites_are_registered_with_their_areas():
    assert get_source("north-tyneside-scp").area_codes == ("E08000022",)
    assert get_source("bedford-borough-scb").area == "Bedford"
    assert get_source("bournemouth-poole-lscb").area_codes == ("E06000028", "E06000029")
    jersey = get_source("jersey-spb")
    assert (jersey.nation, jersey.area, jersey.area_codes) == ("Jersey", "Jersey", ())


def test_problems_are_named(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        """
- id: Bad_Id
  name: A board
  nation: Narnia
  serves: everyone
  area: Atlantis
  area_codes: [E99999999]
  urls: [ftp://example.org/reviews, "https://example.org/a b"]
  hints: {scope: "main >>> p", follow: "(", colour: red}
- id: bad-id-2
  name: Another
  nation: England
  serves: children
  area: Kent
  area_codes: [E08000022]
  urls: [ftp://example.org/reviews]
""",
        encoding="utf-8",
    )
    problems = registry_problems(load_registry(str(bad)))
    joined = "\n".join(problems)
    for expected in [
        "Bad_Id: id must be lower-case",
        "unknown nation 'Narnia'",
        "serves must be one of children, adults",
        "area 'Atlantis' is not a name",
        "area code E99999999 is not in data/areas.csv",
        "not an absolute http(s) URL: ftp://example.org/reviews",
        "unknown hints colour",
        "bad CSS selector",
        "bad follow pattern",
        "bad-id-2: area code E08000022 is not part of Kent",
        "bad-id-2: URL also belongs to Bad_Id",
    ]:
        assert expected in joined


def test_a_broken_registry_file_gets_a_clear_error(tmp_path):
    missing = tmp_path / "missing.yml"
    missing.write_text("- id: x\n  name: X\n  nation: England\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="source x has no serves, area, urls"):
        load_registry(str(missing))
    broken = tmp_path / "broken.yml"
    broken.write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="cannot read the source registry"):
        load_registry(str(broken))


def test_every_spider_imports_and_every_saved_source_has_answers():
    from crawler.harvest import SPIDERS, Plan
    from crawler.replay import snapshot_path

    from .conftest import EXPECTED, SNAPSHOT

    for name, path in SPIDERS.items():
        spider = Plan(path, {}).spider
        assert spider.name == name
    saved = {s.id for s in load_registry() if any(snapshot_path(SNAPSHOT, u) for u in s.urls)}
    answered = {p.stem for p in (EXPECTED / "partnerships").glob("*.yml")}
    assert saved == answered
    assert len(saved) >= 25
