"""Area names as listings write them, resolved against data/areas.csv."""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.normalise.areas import (
    AREAS_CSV,
    ENGLISH_REGIONS,
    NATIONS,
    find_area_in,
    resolve_area,
    same_place,
)


@pytest.mark.parametrize(
    ("text", "name", "code", "region", "nation"),
    [
        ("Bedford Borough", "Bedford", "E06000055", "East of England", "England"),
        (
            "Bedford Borough Safeguarding Children Board",
            "Bedford",
            "E06000055",
            "East of England",
            "England",
        ),
        ("North Tyneside", "North Tyneside", "E08000022", "North East", "England"),
        ("Newcastle", "Newcastle upon Tyne", "E08000021", "North East", "England"),
        ("Hull", "Kingston upon Hull", "E06000010", "Yorkshire and The Humber", "England"),
        ("Bristol", "Bristol", "E06000023", "South West", "England"),
        (
            "Cheshire West and Chester",
            "Cheshire West and Chester",
            "E06000050",
            "North West",
            "England",
        ),
        ("BCP", "Bournemouth, Christchurch and Poole", "E06000058", "South West", "England"),
        ("Bournemouth", "Bournemouth", "E06000028", "South West", "England"),
        (
            "North Northamptonshire",
            "North Northamptonshire",
            "E06000061",
            "East Midlands",
            "England",
        ),
        (
            "Westmorland and Furness",
            "Westmorland and Furness",
            "E06000064",
            "North West",
            "England",
        ),
        ("North Yorkshire", "North Yorkshire", "E06000065", "Yorkshire and The Humber", "England"),
        ("Somerset", "Somerset", "E06000066", "South West", "England"),
        ("Tower Hamlets", "Tower Hamlets", "E09000030", "London", "England"),
        ("Rhondda Cynon Taf", "Rhondda Cynon Taf", "W06000016", None, "Wales"),
        ("Western Isles", "Na h-Eileanan Siar", "S12000013", None, "Scotland"),
        ("Belfast", "Belfast", "N09000003", None, "Northern Ireland"),
        ("Jersey", "Jersey", None, None, "Jersey"),
        ("Bailiwick of Guernsey", "Guernsey", None, None, "Guernsey"),
        ("Isle of Man", "Isle of Man", None, None, "Isle of Man"),
    ],
)
def test_places(text, name, code, region, nation):
    area = resolve_area(text)
    assert (area.name, area.code, area.region, area.nation) == (name, code, region, nation)


@pytest.mark.parametrize(
    ("text", "name", "codes"),
    [
        ("Pan-Bedfordshire", "Pan-Bedfordshire", {"E06000055", "E06000056", "E06000032"}),
        (
            "Cambridgeshire and Peterborough",
            "Cambridgeshire and Peterborough",
            {"E10000003", "E06000031"},
        ),
        ("Northamptonshire", "Northamptonshire", {"E10000021", "E06000061", "E06000062"}),
        ("Cumbria", "Cumbria", {"E10000006", "E06000063", "E06000064"}),
    ],
)
def test_partnerships_and_predecessors_cover_their_authorities(text, name, codes):
    area = resolve_area(text)
    assert area.name == name
    assert set(area.codes) == codes


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Bournemouth", "BCP", True),
        ("Poole", "Bournemouth, Christchurch and Poole", True),
        ("Cumbria", "Cumberland", True),
        ("Northamptonshire", "West Northamptonshire", True),
        ("Pan-Bedfordshire", "Luton", True),
        ("Bedford", "Luton", False),
        ("Kent", "Essex", False),
        ("Anonymous", "Anonymous", True),
        ("Anonymous", "Kent", False),
    ],
)
def test_same_place(a, b, same):
    assert same_place(resolve_area(a), resolve_area(b)) is same


@pytest.mark.parametrize(
    "text",
    ["Anonymous", "anonymised", "NSPCC on behalf of unnamed LSCB", "Unnamed local authority"],
)
def test_unnamed_areas_are_anonymous(text):
    assert resolve_area(text).name == "Anonymous"


@pytest.mark.parametrize("text", ["Narnia", "Working Together", "", "   ", "Child Q"])
def test_unknown_places_are_none(text):
    assert resolve_area(text) is None


def test_areas_named_inside_text():
    assert (
        find_area_in("Hertfordshire Local Safeguarding Children’s Board published the SCR").name
        == "Hertfordshire"
    )
    assert find_area_in("the Greenwich SAR report", exclude={"Lewisham"}).name == "Greenwich"
    assert find_area_in("No place here at all") is None


def test_the_reference_table_is_sound():
    with open(AREAS_CSV, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = [r["name"] for r in rows]
    codes = [r["code"] for r in rows if r["code"]]
    assert len(names) == len(set(names))
    assert len(codes) == len(set(codes))
    for row in rows:
        assert row["nation"] in NATIONS, row
        assert row["status"] in ("current", "former"), row
        if row["code"]:
            assert re.fullmatch(r"[ENSW]\d{8}", row["code"]), row
        if row["region"]:
            assert row["nation"] == "England" and row["region"] in ENGLISH_REGIONS, row
    english_upper_tier = [
        r
        for r in rows
        if r["code"][:3] in ("E06", "E08", "E09", "E10") and r["status"] == "current"
    ]
    assert len(english_upper_tier) == 153  # every English authority with children's services
    assert sum(r["code"].startswith("W06") for r in rows) == 22
    assert sum(r["code"].startswith("S12") for r in rows) == 32
    assert sum(r["code"].startswith("N09") for r in rows) == 11


@given(st.text(max_size=120))
def test_resolving_never_raises(text):
    area = resolve_area(text)
    assert area is None or area.nation in (*NATIONS, None)
    found = find_area_in(text)
    assert found is None or found.name
