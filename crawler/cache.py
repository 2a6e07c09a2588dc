"""The HTTP cache for re-harvests: always ask, never re-download what has not changed.

Scrapy's RFC2616Policy answers from the cache, without asking the site, while a cached page is
"fresh". With ``Last-Modified`` and no ``Cache-Control`` (common), fresh means 10% of the page's
age, so a listing last changed 30 days ago would not be asked for again for three days, and a
review added meanwhile would be missed. A daily harvest must see every change: this policy
sends every cached request again with its validators (``If-None-Match`` /
``If-Modified-Since``), whatever the site's caching headers say, and the site answers 304 with
no body when nothing changed. (``no-cache`` means the same: revalidate before use.)

The storage writes a revalidated (304) entry's metadata and headers only: the body it already
holds is the same.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from time import time

from scrapy.extensions.httpcache import FilesystemCacheStorage, RFC2616Policy
from w3lib.http import headers_dict_to_raw


class RevalidatingPolicy(RFC2616Policy):
    def is_cached_response_fresh(self, cachedresponse, request) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False


class RevalidatedStorage(FilesystemCacheStorage):
    def store_response(self, spider, request, response) -> None:
        if "cached" not in response.flags:
            return super().store_response(spider, request, response)
        # A 304 freshened the cached response: new timestamp and headers, same body.
        rpath = Path(self._get_request_path(spider, request))
        if not (rpath / "response_body").exists():
            return super().store_response(spider, request, response)
        metadata = {
            "url": request.url,
            "method": request.method,
            "status": response.status,
            "response_url": response.url,
            "timestamp": time(),
        }
        with self._open(rpath / "pickled_meta", "wb") as f:
            pickle.dump(metadata, f, protocol=4)
        with self._open(rpath / "response_headers", "wb") as f:
            f.write(headers_dict_to_raw(response.headers))
        return None
