"""Scrapy settings for live harvesting. ``crawler.harvest`` overrides a few for offline replay."""

import os

BOT_NAME = "scr-digest"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Say who we are and how to reach us; sites can then contact us rather than block us.
SCR_CONTACT = os.environ.get("SCR_CONTACT", "https://github.com/scr-digest/scr-digest/issues")
USER_AGENT = f"scr-digest/0.1 (+{SCR_CONTACT}; case review aggregator)"

ROBOTSTXT_OBEY = True
# Politeness is one request per site at a time plus the delay (FairDownloader), not a global
# cap: Scrapy counts requests waiting out a site's delay against CONCURRENT_REQUESTS, so a low
# cap starts sites late and starves them. The scheduler hands out requests for idle sites first.
CONCURRENT_REQUESTS = 512
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOADER = "crawler.politeness.FairDownloader"
# Items a page yields are few: Scrapy starts this many workers per response to process them.
CONCURRENT_ITEMS = 8
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
DOWNLOAD_DELAY = 2.0
# Each gap varies by up to this fraction either way, drawn once per request (FairDownloader).
DOWNLOAD_DELAY_JITTER = 0.25
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
HTTPCACHE_STORAGE = "crawler.cache.SqliteCacheStorage"
HTTPCACHE_DIR = os.environ.get("SCR_HTTPCACHE_DIR", os.path.abspath("data/httpcache"))
HTTPCACHE_IGNORE_HTTP_CODES = [500, 502, 503, 504, 429]

# Scrapy's base lists, less what a harvest never uses. Scrapy imports every module these lists
# name, even when disabled: the cookies middleware costs tldextract and requests, the remote
# control aiohttp, telnet Twisted Conch; about 0.4 s of every harvest's start. Nor Scrapy's
# downloader statistics (each request serialised to count its bytes): the harvests table counts
# each source's requests, responses by status, and bytes.
DOWNLOADER_MIDDLEWARES_BASE = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.downloadtimeout.DownloadTimeoutMiddleware": 350,
    "scrapy.downloadermiddlewares.defaultheaders.DefaultHeadersMiddleware": 400,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": 500,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": 590,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": 600,
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": 900,
}
# Every item and request a callback yields passes through each of these in turn. Not here:
# the Referer header (no site needs it to answer), depth counting (nothing limits by depth, so
# the DEPTH_* settings do nothing) and the check for copied internal meta (a development warning).
SPIDER_MIDDLEWARES_BASE = {
    "scrapy.spidermiddlewares.start.StartSpiderMiddleware": 25,
    "scrapy.spidermiddlewares.httperror.HttpErrorMiddleware": 50,
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": 800,
}
EXTENSIONS_BASE = {
    "scrapy.extensions.corestats.CoreStats": 0,
    "scrapy.extensions.logcount.LogCount": 0,
    "scrapy.extensions.memusage.MemoryUsage": 0,
    "scrapy.extensions.closespider.CloseSpider": 0,
    "scrapy.extensions.logstats.LogStats": 0,
    "scrapy.extensions.throttle.AutoThrottle": 0,
}
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
# Set by each harvest (crawler.harvest.crawl_settings), not by hand.
SCR_RUN_ID = None
SCR_RUN_STARTED = None
SCR_PROGRESS = None
SNAPSHOT_DIR = None  # --snapshot: answer every request from this saved-site directory
# Skip parsing a page whose content is what its last good parse read (crawler.pagecache).
SCR_SKIP_UNCHANGED = True
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
