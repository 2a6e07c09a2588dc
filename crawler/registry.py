"""The source registry: partnership and board websites, kept as data in sources/partnerships.yml."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

# libyaml's loader when PyYAML has it: eight times faster on the registry (part of start-up).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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


class RegistryError(ValueError):
    """The registry file cannot be read as a list of sources."""


REQUIRED = ("id", "name", "nation", "serves", "area", "urls")
HINTS = {"scope", "exclude", "follow", "no_follow", "feeds", "lists"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> tuple[Source, ...]:
    path = path or str(_path())
    try:
        with open(path, encoding="utf-8") as fh:
            entries = yaml.load(fh, Loader=_LOADER) or []
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"cannot read the source registry {path}: {exc}") from exc
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: expected a list of sources")
    sources = []
    for number, entry in enumerate(entries, 1):
        missing = [k for k in REQUIRED if not isinstance(entry, dict) or not entry.get(k)]
        if missing:
            label = entry.get("id") if isinstance(entry, dict) else None
            raise RegistryError(
                f"{path}: source {label or f'#{number}'} has no {', '.join(missing)}"
            )
        sources.append(
            Source(
                id=str(entry["id"]),
                name=str(entry["name"]),
                nation=str(entry["nation"]),
                serves=str(entry["serves"]),
                area=str(entry["area"]),
                area_codes=tuple(str(c) for c in entry.get("area_codes") or ()),
                urls=tuple(str(u) for u in entry["urls"]),
                hints=dict(entry.get("hints") or {}),
            )
        )
    return tuple(sources)


def registry_problems(sources: tuple[Source, ...]) -> list[str]:
    """Everything wrong with the registry, one line each; empty when it is sound."""
    from cssselect import GenericTranslator, SelectorError

    from .normalise.areas import NATIONS, load_areas, resolve_area

    problems = []
    known_codes = {a.code for a in load_areas().values() if a.code}
    ids, urls = set(), {}
    for source in sources:
        where = source.id
        if not _ID.match(source.id):
            problems.append(f"{where}: id must be lower-case words joined by hyphens")
        if source.id in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(source.id)
        if source.nation not in NATIONS:
            problems.append(f"{where}: unknown nation {source.nation!r}")
        if source.serves not in SERVES:
            problems.append(f"{where}: serves must be one of {', '.join(SERVES)}")
        area = resolve_area(source.area)
        if area is None or area.name != source.area:
            problems.append(f"{where}: area {source.area!r} is not a name in data/areas.csv")
        for code in source.area_codes:
            if code not in known_codes:
                problems.append(f"{where}: area code {code} is not in data/areas.csv")
            elif area is not None and code not in area.codes:
                problems.append(f"{where}: area code {code} is not part of {area.name}")
        if area is not None and area.codes and not source.area_codes:
            problems.append(f"{where}: no area_codes, but {area.name} has GSS codes")
        for url in source.urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
                problems.append(f"{where}: not an absolute http(s) URL: {url}")
            if url in urls:
                problems.append(f"{where}: URL also belongs to {urls[url]}: {url}")
            urls[url] = source.id
        unknown = set(source.hints) - HINTS
        if unknown:
            problems.append(f"{where}: unknown hints {', '.join(sorted(unknown))}")
        for selector in [source.hints.get("scope"), *(source.hints.get("exclude") or [])]:
            if selector:
                try:
                    GenericTranslator().css_to_xpath(selector)
                except SelectorError as exc:
                    problems.append(f"{where}: bad CSS selector {selector!r}: {exc}")
        if source.hints.get("follow"):
            try:
                re.compile(source.hints["follow"])
            except re.error as exc:
                problems.append(f"{where}: bad follow pattern: {exc}")
    return problems


def get_source(source_id: str) -> Source | None:
    return next((s for s in load_registry() if s.id == source_id), None)
