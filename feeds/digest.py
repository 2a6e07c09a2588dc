"""The monthly "latest reviews" digest that safeguarding boards read.

A month's digest lists:
- reviews **published** that month, when the source dates them to the month or the day;
- reviews **newly found** that month whose publication month is not known (a source gave only
  the year, or no date), provided they are recent (published that year or the year before, or
  undated) and were not part of a source's first, back-filling harvest.

The same data renders as Markdown (for board papers and email) and as HTML (the Datasette page
and the standalone file). Scraped text is escaped in both.
"""

from __future__ import annotations

import calendar
import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from crawler.normalise.text import KIND_LABELS, document_tail
from crawler.normalise.vocabulary import NATION_TYPE_LABELS

from .archive_links import ARCHIVE_COLUMNS, fallback, one_per_file

TEMPLATES = Path(__file__).resolve().parent / "templates"

REVIEW_TYPE_LABELS = {
    "national_review": "National reviews",
    "scr": "Serious case reviews",
    "lcspr": "Child safeguarding practice reviews",
    "cpr": "Child practice reviews",
    "susr": "Single unified safeguarding reviews",
    "cmr": "Case management reviews",
    "learning_review": "Learning and rapid reviews",
    "sar": "Safeguarding adults reviews",
    "apr": "Adult practice reviews",
    "dhr": "Domestic homicide reviews",
    "other": "Thematic and other reviews",
}
# A group's name in its nation's words ("Scotland: Significant case reviews").
NATION_GROUP_LABELS = {
    key: label[:1].upper() + label[1:] + "s" for key, label in NATION_TYPE_LABELS.items()
}
DOCUMENT_LABELS = KIND_LABELS  # one label per document kind, everywhere
STATUS_LABELS = {
    "published": "Published",
    "no_longer_published": "Report no longer published",
    "unpublished": "Full report not published",
    "delayed": "Publication delayed",
}
NATION_ORDER = [
    "England",
    "Wales",
    "Scotland",
    "Northern Ireland",
    "Jersey",
    "Guernsey",
    "Isle of Man",
]
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_month(text: str) -> tuple[int, int]:
    """'2021-04' -> (2021, 4); ValueError for anything else."""
    m = _MONTH.match(text or "")
    if not m:
        raise ValueError(f"not a month: {text!r} (expected YYYY-MM, for example 2021-04)")
    return int(m.group(1)), int(m.group(2))


DIGEST_LAST_YEAR = 2100


def digest_month(text: str) -> tuple[int, int]:
    """A month a digest may be asked for: ``parse_month``, from the earliest year a review date
    may have to 2100 (0000-01 is no month: its previous month, "-001-12", is none at all)."""
    from crawler.normalise.dates import EARLIEST_YEAR

    year, month = parse_month(text)
    if not EARLIEST_YEAR <= year <= DIGEST_LAST_YEAR:
        raise ValueError(
            f"not a month a digest covers: {text!r}"
            f" (from {EARLIEST_YEAR}-01 to {DIGEST_LAST_YEAR}-12)"
        )
    return year, month


def _without_area(title: str | None, area: str | None) -> str | None:
    """A card's name after its area ("Wiltshire – young people and self-harm"): the title
    without the ", Wiltshire" that a thematic review's title ends with."""
    if title and area and title.endswith(f", {area}") and len(title) > len(area) + 2:
        return title[: -len(area) - 2]
    return title


def month_name(year: int, month: int) -> str:
    return f"{calendar.month_name[month]} {year}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


@dataclass
class DigestReview:
    id: str
    title: str
    name: str
    area: str
    nation: str
    region: str | None
    review_type: str
    published: str | None
    year: int | None
    summary: str | None
    themes: list[str]
    keywords: list[str]
    recommendations: str | None
    author: str | None
    status: str | None
    basis: str  # published | found
    first_seen: str
    documents: list[dict] = field(default_factory=list)
    guid: str | None = None  # the feed's id: the review's first id, kept when its id changes


@dataclass
class DigestGroup:
    nation: str
    label: str
    reviews: list[DigestReview]


@dataclass
class Digest:
    year: int
    month: int
    groups: list[DigestGroup]
    previous: str
    next: str | None
    generated: str

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def title(self) -> str:
        return f"Case reviews: {month_name(self.year, self.month)}"

    @property
    def reviews(self) -> list[DigestReview]:
        return [r for g in self.groups for r in g.reviews]

    @property
    def published_count(self) -> int:
        return sum(1 for r in self.reviews if r.basis == "published")

    @property
    def found_count(self) -> int:
        return sum(1 for r in self.reviews if r.basis == "found")


def safe_link(url: str | None) -> str | None:
    """Only absolute http(s) links are shown; anything else (javascript:, data:) is dropped."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


DIGEST_SQL = """
with first_harvest as (
  select source, min(started) as started from harvests group by source
)
select r.*, 'published' as basis from reviews r
where r.published >= :month and r.published < :month || '~'
union all
select r.*, 'found' as basis from reviews r
join first_harvest fh on fh.source = r.first_source
where r.first_seen >= :month and r.first_seen < :month || '~'
  and (r.published is null or length(r.published) = 4)
  and (r.published_year is null or r.published_year >= cast(substr(:month, 1, 4) as integer) - 1)
  and r.first_seen > fh.started
"""
# Each half reads an index range (published, first_seen): no scan of the table or of
# review_sources on any request.


def _json_list(value: str | None) -> list[str]:
    try:
        items = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(i) for i in items if i] if isinstance(items, list) else []


def build_digest(
    conn: sqlite3.Connection, year: int, month: int, today: date | None = None
) -> Digest:
    """The digest of one month, read from the review database."""
    key = month_key(year, month)
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    rows = cursor.execute(DIGEST_SQL, {"month": key}).fetchall()
    documents: dict[str, list[dict]] = {}
    ids = [row["id"] for row in rows]
    if ids:
        marks = ",".join("?" * len(ids))
        statuses = {row["id"]: row["status"] for row in rows}
        found: dict[str, list[dict]] = {}
        for doc in cursor.execute(
            f"select d.review_id, d.url, d.kind, d.title, {ARCHIVE_COLUMNS} from documents d"
            f" where d.review_id in ({marks}) order by d.review_id, case d.kind when"
            " 'full_report' then 0 when 'executive_summary' then 1 when 'learning_brief' then 2"
            " else 3 end, d.url",
            ids,
        ):
            found.setdefault(doc["review_id"], []).append(dict(doc))
        for doc in (d for docs in found.values() for d in one_per_file(docs)):
            url = safe_link(doc["url"])
            if url:
                archived, note = fallback(
                    {**dict(doc), "status": doc["doc_status"]}, statuses.get(doc["review_id"])
                )
                documents.setdefault(doc["review_id"], []).append(
                    {
                        "url": url,
                        "kind": doc["kind"],
                        "label": (label := DOCUMENT_LABELS.get(doc["kind"], "Document")),
                        "tail": document_tail(label, doc["title"], " "),
                        "title": doc["title"],
                        "archive": archived,  # a path on this site, in place of the original
                        "note": note,
                    }
                )
    reviews = [
        DigestReview(
            id=row["id"],
            guid=row["guid"] if "guid" in row.keys() else None,  # noqa: SIM118 (a Row)
            title=row["title"] or row["pseudonym"] or row["id"],
            name=row["pseudonym"] or _without_area(row["title"], row["area"]) or row["id"],
            area=row["area"] or "Unknown area",
            nation=row["nation"] or "Unknown",
            region=row["region"],
            review_type=row["review_type"] or "other",
            published=row["published"],
            year=row["published_year"],
            summary=row["summary"],
            themes=_json_list(row["themes"]),
            keywords=_json_list(row["keywords"]),
            recommendations=row["recommendations"],
            author=row["author"],
            status=row["status"],
            basis=row["basis"],
            first_seen=row["first_seen"],
            documents=documents.get(row["id"], []),
        )
        for row in rows
    ]
    groups: dict[tuple[str, str], list[DigestReview]] = {}
    for review in reviews:
        nation = "National" if review.review_type == "national_review" else review.nation
        groups.setdefault((nation, review.review_type), []).append(review)
    nation_rank = {n: i for i, n in enumerate(["National", *NATION_ORDER])}
    type_rank = {t: i for i, t in enumerate(REVIEW_TYPE_LABELS)}
    ordered = []
    for (nation, kind), members in sorted(
        groups.items(), key=lambda kv: (nation_rank.get(kv[0][0], 99), type_rank.get(kv[0][1], 99))
    ):
        members.sort(key=lambda r: (r.published or "", r.area, r.name), reverse=False)
        members.sort(key=lambda r: r.basis != "published")
        label = NATION_GROUP_LABELS.get((kind, nation)) or REVIEW_TYPE_LABELS.get(kind, kind)
        ordered.append(DigestGroup(nation, label, members))
    today = today or date.today()
    nxt = shift_month(year, month, 1)
    return Digest(
        year=year,
        month=month,
        groups=ordered,
        previous=month_key(*shift_month(year, month, -1)),
        next=None if nxt > (today.year, today.month) else month_key(*nxt),
        generated=today.isoformat(),
    )


def latest_month(conn: sqlite3.Connection, today: date | None = None) -> str:
    """The most recent month, not after this one, whose digest has reviews (else this month)."""
    today = today or date.today()
    current = f"{today.year:04d}-{today.month:02d}"
    row = conn.execute(
        "select max(m) from ("
        " select substr(published, 1, 7) as m from reviews where length(published) >= 7"
        " union all select substr(first_seen, 1, 7) from reviews"
        ") where m <= ?",
        (current,),
    ).fetchone()
    candidates = [row[0]] if row and row[0] else []
    for key in candidates:
        year, month = parse_month(key)
        while (year, month) >= (2000, 1):
            if build_digest(conn, year, month, today).reviews:
                return f"{year:04d}-{month:02d}"
            year, month = shift_month(year, month, -1)
            if f"{year:04d}-{month:02d}" < "2010-01":
                break
    return current


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["monthname"] = lambda key: month_name(*parse_month(key))
    env.globals["status_labels"] = STATUS_LABELS
    return env


def render_html(digest: Digest, *, site_url: str | None = None) -> str:
    """A standalone HTML page, with print styles, ready to attach or paste into an email. Its
    links are absolute (``site_url``), so they work from a mail client or a saved file."""
    site = (site_url or "").rstrip("/")
    return (
        _environment()
        .get_template("digest_standalone.html")
        .render(
            digest=digest,
            feed_url=f"{site}/digest/{digest.key}.rss" if site else None,
            page_url=f"{site}/digest/" if site else "",
            review_base=f"{site}/reviews/reviews/" if site else None,
            archive_base=site or None,
        )
    )


# Only what could turn scraped text into a link, an image or HTML, or break the layout;
# parentheses, dashes and full stops stay as they are, so the text reads cleanly in plain email.
_MD_SPECIAL = re.compile(r"([\\`\[\]<>|])")


def md_escape(text: str | None) -> str:
    """Scraped text as inert Markdown: no links, images or HTML, and no heading or list at
    the start of a line; readable as it stands in a plain-text email."""
    text = re.sub(r"\s+", " ", text or "").strip()
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^([#>+*-])", r"\\\1", text)
    return re.sub(r"^(\d+)\.", r"\1\\.", text)


def document_url(doc: dict, site: str) -> str:
    """A digest document's link in an export: the archived copy on ``site`` when it stands in
    for a gone original (and the site is known), else the original."""
    return site + doc["archive"] if doc.get("archive") and site else doc["url"]


def _md_url(url: str) -> str:
    for char, code in (("(", "%28"), (")", "%29"), (" ", "%20"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(char, code)
    return url


def render_markdown(digest: Digest, site_url: str | None = None) -> str:
    """The digest as Markdown for board papers and email: document titles kept, links to the
    neighbouring months and to each review (absolute when ``site_url`` is known)."""
    site = (site_url or "").rstrip("/")
    out = [f"# {digest.title}", ""]
    total = len(digest.reviews)
    if not total:
        out += [
            f"No reviews were published or newly found in {month_name(digest.year, digest.month)}.",
            "",
        ]
    else:
        out += [
            f"{total} review{'s' if total != 1 else ''}: {digest.published_count} published in "
            f"{month_name(digest.year, digest.month)}, {digest.found_count} newly found this month "
            "whose publication month is not known.",
            "",
        ]
    for group in digest.groups:
        heading = group.label if group.nation == "National" else f"{group.nation}: {group.label}"
        out += [f"## {md_escape(heading)} ({len(group.reviews)})", ""]
        for review in group.reviews:
            year = review.year or "Undated"
            out.append(f"### {year} – {md_escape(review.area)} – {md_escape(review.name)}")
            out.append("")
            when = (
                f"Published {review.published}"
                if review.basis == "published"
                else f"Newly found {(review.first_seen or '')[:10]}; published"
                f" {review.published or 'date not given'}"
            )
            when += "."
            if review.status and review.status != "published":
                when += f" {STATUS_LABELS.get(review.status, review.status)}."
            out.append(f"*{when}*")
            if review.summary:
                out += ["", md_escape(review.summary)]
            if review.themes:
                out += ["", "**Themes:** " + "; ".join(md_escape(t) for t in review.themes)]
            if review.recommendations:
                out += ["", "**Recommendations:** " + md_escape(review.recommendations)]
            if review.keywords:
                out += ["", "**Keywords:** " + ", ".join(md_escape(k) for k in review.keywords)]
            if review.documents:
                out.append("")
                for doc in review.documents:
                    label = md_escape(doc["label"])
                    tail = document_tail(doc["label"], doc.get("title"), " – ")
                    named = tail[: len(tail) - len(tail.lstrip())] + md_escape(tail.lstrip())
                    url = document_url(doc, site)
                    note = f" ({doc['note']})" if doc.get("note") else ""
                    out.append(f"- [{label}](<{_md_url(url)}>){named}{note}")
            if site:
                out += ["", f"More: <{site}/reviews/reviews/{review.id}>"]
            out.append("")
    previous = f"[{month_name(*parse_month(digest.previous))}]"
    months = [previous + (f"(<{site}/digest/{digest.previous}>)" if site else "")]
    if digest.next:
        months.append(
            f"[{month_name(*parse_month(digest.next))}]"
            + (f"(<{site}/digest/{digest.next}>)" if site else "")
        )
    out.append(
        "Previous month: " + months[0] + (" · Next month: " + months[1] if digest.next else "")
    )
    out.append("")
    return "\n".join(out)
