"""Pages read before: a page whose body (and the code and hints that read it) is unchanged
since its last good parse is not read again. Its sightings are only marked seen, and the
requests it led to are made again from the record.

``page_parses`` holds, per page URL, the digest of what was parsed and the follow-up requests
it yielded. Any change to scr-digest's code or data changes every digest, so a new release
reads every page once more; a change to a source's registry hints changes its own pages'.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# What a follow-up request keeps of its meta (enough to make it again).
FOLLOW_META = ("listing", "detail", "detail_for", "pages", "via_feed")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of everything that turns a page into stored rows."""
    digest = hashlib.sha256()
    # (Not the registry: a source's hints are part of its own pages' digest, and adding a
    # source must not make every other page be read again.)
    files = [*ROOT.rglob("*.py"), *ROOT.rglob("*.json"), ROOT.parent / "data" / "areas.csv"]
    for path in sorted(p for p in files if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(ROOT.parent)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def page_digest(body: bytes, hints: dict | None) -> str:
    digest = hashlib.sha256(code_version().encode())
    digest.update(json.dumps(hints or {}, sort_keys=True).encode())
    digest.update(body)
    return digest.hexdigest()


def follow_record(request) -> dict:
    """What to keep of a follow-up request: its URL, whether it is a feed, and its meta."""
    meta = {k: request.meta[k] for k in FOLLOW_META if k in request.meta}
    kind = "feed" if getattr(request.callback, "__name__", "") == "parse_feed" else "page"
    return {"url": request.url, "kind": kind, "meta": meta}
