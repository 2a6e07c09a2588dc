"""The source registry: partnership and board websites, kept as data in sources/partnerships.yml."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

REGISTRY_PATH = Path(__file__).resolve().parent / "sources" / "partnerships.yml"
SERVES = ("children", "adults")


@dataclass(frozen=True)
class Source:
    """One partnership or board: where it publishes, and hints for pages that need them.

    Hints (all optional):
      scope: CSS selector for the part of the page that holds the listing.
      exclude: CSS selectors for parts to ignore inside the scope.
      follow: a regular expression; links to same-site pages matching it are detail pages.
      no_follow: true to never follow detail pages.
      feeds: feed URLs to harvest besides those discovered on its pages.
    """

    id: str
    name: str
    nation: str
    serves: str
    area: str
    area_codes: tuple[str, ...]
    urls: tuple[str, ...]
    hints: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def feeds(self) -> tuple[str, ...]:
        return tuple(self.hints.get("feeds") or ())


def _path() -> Path:
    return Path(os.environ.get("SCR_REGISTRY", REGISTRY_PATH))


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> tuple[Source, ...]:
    with open(path or _path(), encoding="utf-8") as fh:
        entries = yaml.safe_load(fh) or []
    sources = []
    for entry in entries:
        sources.append(
            Source(
                id=entry["id"],
                name=entry["name"],
                nation=entry["nation"],
                serves=entry["serves"],
                area=entry.get("area", ""),
                area_codes=tuple(entry.get("area_codes") or ()),
                urls=tuple(entry.get("urls") or ()),
                hints=dict(entry.get("hints") or {}),
            )
        )
    return tuple(sources)


def get_source(source_id: str) -> Source | None:
    return next((s for s in load_registry() if s.id == source_id), None)
