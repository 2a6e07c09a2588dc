"""The HTTP cache policy for re-harvests: revalidate, don't re-download.

Scrapy's RFC2616Policy treats a cached response marked ``Cache-Control: no-cache`` as stale
without sending its validators, so an unchanged page is downloaded again in full. In HTTP,
no-cache means "revalidate before use": this policy sends ``If-None-Match`` /
``If-Modified-Since`` then, so the site can answer 304 Not Modified.
"""

from __future__ import annotations

from scrapy.extensions.httpcache import RFC2616Policy


class RevalidatingPolicy(RFC2616Policy):
    def is_cached_response_fresh(self, cachedresponse, request) -> bool:
        if b"no-cache" in self._parse_cachecontrol(cachedresponse):
            self._set_conditional_validators(request, cachedresponse)
            return False
        return super().is_cached_response_fresh(cachedresponse, request)
