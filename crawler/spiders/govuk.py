"""National reviews by the Child Safeguarding Practice Review Panel, from GOV.UK's public APIs.

The Search API lists the Panel's publications; the Content API says what each one is. Only
``independent_report`` publications are reviews. A "Government response to …" publication is
not a review: its attachments become ``response`` documents of the review it answers.
See tests/expected/govuk/README.md for the exact requests and rules.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from ..items import ReviewItem
from .base import ReviewSpider

PANEL = "Child Safeguarding Practice Review Panel"
ORGANISATION = "child-safeguarding-practice-review-panel"
SEARCH_FIELDS = "title,link,description,public_timestamp,format,content_store_document_type"
PAGE_SIZE = 10
INCREMENTAL_MARGIN_DAYS = 7
GOVUK = "https://www.gov.uk"


def search_url(start: int, since: date | None = None) -> str:
    params = [("filter_organisations", ORGANISATION)]
    if since is not None:
        params.append(("filter_public_timestamp", f"from:{since:%Y-%m-%d}"))
    params += [
        ("count", str(PAGE_SIZE)),
        ("start", str(start)),
        ("order", "-public_timestamp"),
        ("fields", SEARCH_FIELDS),
    ]
    return f"{GOVUK}/api/search.json?" + urlencode(params, safe=":,")


def content_url(base_path: str) -> str:
    return f"{GOVUK}/api/content{base_path}"


def attachment_kind(title: str, publication_title: str) -> str:
    """What an attachment is, from its title (the first rule that matches wins)."""
    lower = title.lower()
    if "government response" in lower or "response to" in lower:
        return "response"
    if "summary" in lower:
        return "executive_summary"
    if "briefing" in lower:
        return "learning_brief"
    if lower.startswith(publication_title.lower()) or "report" in lower:
        return "full_report"
    return "other"


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def is_response(item: dict) -> bool:
    return item.get("title", "").lower().startswith("government response to")


def is_review(item: dict) -> bool:
    return item.get("document_type") == "independent_report" and not is_response(item)


def answered_review(response: dict, reviews: dict[str, dict]) -> str | None:
    """The base path of the review a government response answers, or None."""
    body = (response.get("details") or {}).get("body") or ""
    for base_path in reviews:
        if re.search(rf'href="(?:{re.escape(GOVUK)})?{re.escape(base_path)}["#?]', body):
            return base_path
    title = _words(response.get("title", ""))
    for base_path, review in reviews.items():
        name = review.get("title", "")
        for part in (name, name.split(":", 1)[-1]):
            if _words(part) and _words(part) in title:
                return base_path
    return None


def linked_publications(response: dict) -> list[str]:
    body = (response.get("details") or {}).get("body") or ""
    found = re.findall(r'href="(?:https://www\.gov\.uk)?(/government/publications/[\w-]+)', body)
    return list(dict.fromkeys(found))


def review_item(review: dict, responses: list[dict]) -> ReviewItem:
    title = review["title"]
    documents = [
        {
            "url": a["url"],
            "kind": attachment_kind(a.get("title", ""), title),
            "title": a.get("title"),
        }
        for a in (review.get("details") or {}).get("attachments") or []
        if a.get("url")
    ]
    for response in responses:
        for a in (response.get("details") or {}).get("attachments") or []:
            if a.get("url"):
                documents.append({"url": a["url"], "kind": "response", "title": a.get("title")})
    return ReviewItem(
        source="govuk",
        source_kind="govuk",
        source_url=GOVUK + review["base_path"],
        title=title,
        name=title,
        area_text="National",
        review_type="national_review",
        author=PANEL,
        published=(review.get("first_published_at") or "")[:10] or None,
        summary=review.get("description"),
        documents=documents,
    )


class GovukSpider(ReviewSpider):
    """The Panel's national reviews. Reads every page of search results, then every
    publication's content item, and only then decides, so a government response (which is
    listed before the review it answers) can be attached to its review."""

    name = "govuk"
    source_ids = ["govuk"]
    max_results = 1000

    def __init__(self, full: bool | str = False, **kwargs):
        super().__init__(**kwargs)
        self.full = full not in (False, "", "0", "false", None)
        self.since: date | None = None
        self.outstanding = 0
        self.requested: set[str] = set()
        self.content: dict[str, dict] = {}
        self.done = False

    @property
    def source_records(self) -> dict[str, dict]:
        return {
            "govuk": {
                "id": "govuk",
                "name": f"GOV.UK: {PANEL}",
                "kind": "repository",
                "nation": "England",
                "serves": "children",
                "area": "National",
                "urls": json.dumps([search_url(0)]),
            }
        }

    def _request(self, url: str, callback, listing: bool):
        self.outstanding += 1
        return self.page(url, callback, source="govuk", listing=listing)

    @property
    def partial_sources(self) -> set[str]:
        """An incremental run lists only what changed: it says nothing about what else is listed."""
        return {"govuk"} if self.since else set()

    def last_success(self) -> date | None:
        rows = self.read_db("SELECT last_success FROM sources WHERE id = 'govuk'")
        try:
            return datetime.fromisoformat(rows[0][0][:10]).date() if rows and rows[0][0] else None
        except ValueError:
            return None

    async def start(self):
        incremental = not self.full and self.settings.getbool("SCR_INCREMENTAL", True)
        last = self.last_success() if incremental else None
        if last is not None:
            # Ask only for what changed since the last good harvest, with a week's margin for
            # late indexing. The search API filters on public_timestamp.
            self.since = last - timedelta(days=INCREMENTAL_MARGIN_DAYS)
        yield self._request(search_url(0, self.since), self.parse_search, listing=True)

    def parse_search(self, response):
        self.outstanding -= 1
        try:
            data = json.loads(response.text)
            results = data["results"]
            total = int(data.get("total") or 0)
            start = int(data.get("start") or 0)
        except (ValueError, KeyError, TypeError) as exc:
            self.fail(f"unreadable search results at {response.url}: {exc}")
            yield from self.finish()
            return
        if start == 0:
            for next_start in range(PAGE_SIZE, min(total, self.max_results), PAGE_SIZE):
                yield self._request(
                    search_url(next_start, self.since), self.parse_search, listing=True
                )
        for result in results:
            yield from self.fetch_content(result.get("link") or "")
        yield from self.finish()

    def fetch_content(self, base_path: str):
        if not base_path.startswith("/government/publications/") or base_path in self.requested:
            return
        self.requested.add(base_path)
        yield self._request(content_url(base_path), self.parse_content, listing=False)

    def parse_content(self, response):
        self.outstanding -= 1
        try:
            item = json.loads(response.text)
            base_path = item["base_path"]
        except (ValueError, KeyError, TypeError) as exc:
            self.fail(f"unreadable content item at {response.url}: {exc}")
        else:
            self.content[base_path] = item
            if is_response(item):
                # The review it answers may be older than anything listed: fetch it too.
                for linked in linked_publications(item):
                    yield from self.fetch_content(linked)
        yield from self.finish()

    def on_error(self, failure):
        super().on_error(failure)
        self.outstanding -= 1
        yield from self.finish()

    def fail(self, message: str) -> None:
        self.logger.warning("govuk: %s", message)
        if self.recorder:
            self.recorder.note_error("govuk", message, "fatal")

    def finish(self):
        """Once every request has been answered, decide and yield the reviews."""
        if self.outstanding > 0 or self.done:
            return
        self.done = True
        reviews = {path: item for path, item in self.content.items() if is_review(item)}
        answers: dict[str, list[dict]] = {path: [] for path in reviews}
        for item in self.content.values():
            if is_response(item):
                target = answered_review(item, reviews)
                if target:
                    answers[target].append(item)
                else:
                    self.logger.info("govuk: response with no review: %s", item.get("title"))
        for path, review in reviews.items():
            yield review_item(review, answers[path])
