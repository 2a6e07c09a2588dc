"""Whose review a record is when not the board's own: another area it names, a national
review, or one a heading says comes from elsewhere."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .. import patterns as rx
from ..normalise.areas import Area, find_area_in, resolve_area, same_place
from .adapters.govuk import NATIONAL, NATIONAL_HOSTS
from .documents import is_document_link
from .records import Record

_ELSEWHERE = rx.compile(
    r"other (?:areas|local authorities|partnerships|boards|safeguarding)|elsewhere"
    r"|across (?:the country|england)|published by other",
    re.I,
)
_LOCAL = rx.compile(r"\blocal\b", re.I)


def area_of(record: Record, source) -> tuple[Area | None, bool, bool]:
    """(another area, national, elsewhere): whose review it is when not the board's own."""
    own = source.area
    title = record.title.text
    if record.subject is not None:
        start = record.subject.start
        title = title[:start] + " " + title[start + len(record.subject.name) :]
    exclude = {own.name} if own else set()
    for text in [title, *reversed(record.path)]:
        area = find_area_in(text, exclude=exclude)
        if not area or area.kind in ("nation", "national", "anonymous"):
            continue
        if not (own and same_place(area, own)):
            return area, False, False
        if own.kind == "partnership" and area.code in own.codes and text is title:
            # A board of several authorities: the one its review names is the review's area.
            return area, False, False
    hosted = {host_area(k.url) for k in record.links if is_document_link(k.url, k.text)}
    if len(hosted) == 1 and None not in hosted:
        area = hosted.pop()  # every document on another board's site ("haringeylscb.org")
        if area.kind not in ("nation", "national") and not (own and same_place(area, own)):
            return area, False, False
    panel = source.nation in (None, "England")
    links = [urlsplit(k.url).hostname for k in record.links]
    # A heading over local and national reviews alike says nothing of this one.
    words = " ".join([record.title.text, *(h for h in record.path if not _LOCAL.search(h))])
    national = panel and (
        bool(
            re.search(
                r"national (?:child safeguarding practice )?review|national panel", words, re.I
            )
        )
        or (any(h in NATIONAL_HOSTS for h in links) and bool(NATIONAL.search(words)))
    )
    elsewhere = any(_ELSEWHERE.search(h) for h in record.path)
    return None, national, elsewhere


_HOST_WORDS = rx.compile(
    r"www\d?|gov|org|co|uk|com|net|wales|scot|info|l?sc[bp]s?|sabs?|csp|s?sp|lsab|safeguarding|safer"
    r"|partnership|board|children|adults?|council|cc|mbc|bc|dc|the"
)


def host_area(url: str) -> Area | None:
    """The area a site's name is made of ("www.coventrylscb.org.uk" is Coventry's board)."""
    labels = (urlsplit(url).hostname or "").lower().split(".")
    for label in labels:
        rest = " ".join(p for p in re.split(r"[-_]", label) if not _HOST_WORDS.fullmatch(p))
        rest = re.sub(r"^(?:l?sc[bp]|sab|safeguarding)|(?:l?sc[bp]|sab|safeguarding)$", "", rest)
        if len(rest) >= 4:
            area = resolve_area(rest)
            if area is not None:
                return area
    return None
