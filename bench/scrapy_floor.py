"""The CPU a harvest costs before any of scr-digest's own work: the same sites, requests and
Scrapy settings as ``scr harvest`` (robots.txt, the fair downloader, one request per site, the
revalidating HTTP cache, the middlewares), with a spider that only parses each page with lxml
and follows its review links. No extraction, no item pipelines, no harvest record.

Run by ``bench/national.py`` as a subprocess; on its own:

    python bench/scrapy_floor.py REGISTRY.yml CACHE_DIR [NAME=VALUE ...]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    registry, cache_dir, *overrides = sys.argv[1:]
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawler.extract.page import parse_html

    sources = yaml.safe_load(Path(registry).read_text(encoding="utf-8"))

    class FloorSpider(scrapy.Spider):
        name = "floor"

        async def start(self):
            for source in sources:
                for url in source["urls"]:
                    yield scrapy.Request(url, meta={"follow": source["hints"]["follow"]})

        def parse(self, response):
            tree = parse_html(response.body)
            follow = response.meta["follow"]
            for href in tree.xpath("//a/@href"):
                if follow in href:
                    yield response.follow(href, self.parse_detail)

        def parse_detail(self, response):
            parse_html(response.body)
            return ()

    settings = get_project_settings()
    settings.set("ITEM_PIPELINES", {})
    settings.set("EXTENSIONS", {})
    settings.set("HTTPCACHE_DIR", cache_dir)
    settings.set("LOG_INSTALL_ROOT_HANDLER", False)
    from crawler.harvest import with_start_delay

    asked = dict(override.partition("=")[::2] for override in overrides)
    for name, value in with_start_delay(asked).items():  # as `scr harvest -s …` sets them
        settings.set(name, value)
    process = CrawlerProcess(settings)
    process.crawl(FloorSpider)
    process.start()


if __name__ == "__main__":
    main()
