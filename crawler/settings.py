"""Scrapy settings for live harvesting. ``crawler.harvest`` overrides a few for offline replay."""

import os

BOT_NAME = "scr-digest"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Say who we are and how to reach us; sites can then contact us rather than block us.
SCR_CONTACT = os.environ.get("SCR_CONTACT", "https://github.com/scr-digest/scr-digest/issues")
USER_AGENT = f"scr-digest/0.1 (+{SCR_CONTACT}; case review aggregator)"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 2.0
RANDOMIZE_DOWNLOAD_DELAY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 50 * 1024 * 1024
DOWNLOAD_WARNSIZE = 10 * 1024 * 1024
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# Revalidate unchanged pages with conditional requests instead of downloading them again.
HTTPCACHE_ENABLED = True
HTTPCACHE_POLICY = "crawler.cache.RevalidatingPolicy"
HTTPCACHE_STORAGE = "crawler.cache.RevalidatedStorage"
HTTPCACHE_DIR = os.environ.get("SCR_HTTPCACHE_DIR", os.path.abspath("data/httpcache"))
HTTPCACHE_IGNORE_HTTP_CODES = [500, 502, 503, 504, 429]

DOWNLOADER_MIDDLEWARES = {
    "crawler.politeness.RetryAfterMiddleware": 540,
    "crawler.politeness.OffsiteRedirectNote": 590,
    "crawler.replay.SnapshotMiddleware": 950,
}
ITEM_PIPELINES = {
    "crawler.pipelines.clean.CleanPipeline": 100,
    "crawler.pipelines.normalise.NormalisePipeline": 300,
    "crawler.pipelines.validate.ValidatePipeline": 500,
    "crawler.pipelines.store.StorePipeline": 800,
    "crawler.pipelines.archive.ArchivePipeline": 900,
}
EXTENSIONS = {
    "crawler.health.HarvestRecorder": 500,
}

SCR_DB_PATH = os.environ.get("SCR_DB", "data/reviews.db")
# Re-check stored documents (HEAD) at most this often; a 404 or 410 marks one gone.
SCR_CHECK_DOCUMENTS = True
SCR_DOCUMENT_RECHECK_DAYS = 7
# The document archive (crawler.pipelines.archive): each review's documents downloaded once.
SCR_ARCHIVE = os.environ.get("SCR_ARCHIVE", "1") != "0"
# Where: empty means archive/ beside the database; or a folder; or s3://bucket/prefix (with
# AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and, for S3-compatible stores, AWS_ENDPOINT_URL).
FILES_STORE = os.environ.get("SCR_ARCHIVE_STORE", "")
SCR_ARCHIVE_MAXSIZE = 50 * 1024 * 1024  # larger documents are recorded as too_large, not fetched
SCR_ARCHIVE_KEEP_WITHHELD = False  # keep the file of a withheld review (never served either way)
MEDIA_ALLOW_REDIRECTS = True
# Ask sources that can say what changed (GOV.UK) only for that. Off for saved snapshots.
SCR_INCREMENTAL = True
# Honour a Retry-After of up to this many seconds on 429 and 503 before retrying.
SCR_RETRY_AFTER_MAX = 120
LOG_LEVEL = "WARNING"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
