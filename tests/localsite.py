"""A small web server on loopback addresses for harvests that meet the real web's faults.

Each fault lives at its own path, on its own loopback address where a per-site delay or
Retry-After must not slow the others. ``mode`` switches every path between a healthy listing
and its fault. The server counts requests and body bytes, and answers ``If-None-Match``.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = b"User-agent: *\nDisallow: /private/\n"
MOVED_HOST = "127.0.0.9"  # where /moved/ redirects: another site
PAGES = 20  # of the slow, paginated listing


def listing(title: str, reviews: list[tuple[str, str]], extra: str = "") -> bytes:
    """A partnership listing page: a heading per review, each with its report."""
    items = "".join(
        f"<h3>{name} &ndash; Child Safeguarding Practice Review (published 3 March 2023)</h3>"
        f"<p>The partnership published the review of {name} on 3 March 2023.</p>"
        f'<ul><li><a href="{pdf}">{name} full report</a></li></ul>'
        for name, pdf in reviews
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Case reviews</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/training/'>Training</a></nav>"
        f"<main><h1>{title}</h1>{items}{extra}</main>"
        "<footer><a href='/privacy/'>Privacy</a> <a href='/accessibility/'>Accessibility</a></footer>"
        "</body></html>"
    ).encode()


def healthy(prefix: str) -> bytes:
    letter = prefix.strip("/").upper()[:1]
    return listing(
        "Case reviews",
        [
            (f"Child {letter}{n}", f"/{prefix.strip('/')}/child-{letter.lower()}{n}.pdf")
            for n in (1, 2, 3)
        ],
    )


@dataclass
class SiteState:
    mode: str = "healthy"  # healthy | faulty
    requests: Counter = field(default_factory=Counter)
    bytes_sent: int = 0
    hits: Counter = field(default_factory=Counter)  # per path, for "fail once" faults
    lock: threading.Lock = field(default_factory=threading.Lock)


class Handler(BaseHTTPRequestHandler):
    server_version = "localsite/1.0"
    state: SiteState  # set on the subclass made per server

    def log_message(self, *args):  # quiet
        pass

    def send_body(
        self, status: int, body: bytes, content_type="text/html; charset=utf-8", headers=None
    ):
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if status == 200:
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "no-cache")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
            with self.state.lock:
                self.state.bytes_sent += len(body)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        state = self.state
        path = self.path.split("?")[0]
        with state.lock:
            state.requests[path] += 1
            state.hits[path] += 1
            hits = state.hits[path]
        faulty = state.mode == "faulty"
        if path == "/robots.txt":
            return self.send_body(
                200, ROBOTS if faulty else b"User-agent: *\nDisallow:\n", "text/plain"
            )
        if path.endswith(".pdf"):
            gone = faulty and path.startswith("/ok/") and path.endswith("1.pdf")
            return self.send_body(
                404 if gone else 200, b"%PDF-1.4\n" + b"x" * 200, "application/pdf"
            )
        section = "/" + path.strip("/").split("/")[0] + "/"
        if not faulty or section in ("/ok/", "/private/"):
            if section == "/private/":
                return self.send_body(200, healthy("/private/"))
            if section == "/slowpages/":
                return self.slow_pages(path)
            return self.send_body(200, healthy(section))
        if section == "/slow/":
            time.sleep(4)
            return self.send_body(200, healthy(section))
        if section == "/error/":
            return self.send_body(500, b"<h1>Internal Server Error</h1>")
        if section == "/busy/":
            if hits % 2 == 1:
                return self.send_body(503, b"busy", headers={"Retry-After": "1"})
            return self.send_body(200, healthy(section))
        if section == "/ratelimit/":
            return self.send_body(429, b"slow down", headers={"Retry-After": "3600"})
        if section == "/truncated/":
            body = healthy(section)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body) + 5000))
            self.end_headers()
            self.wfile.write(body[:300])
            self.wfile.flush()
            self.close_connection = True
            return None
        if section == "/encoding/":
            body = healthy(section).replace(
                b"Case reviews</h1>", "Revue des cas, été</h1>".encode("latin-1")
            )
            return self.send_body(
                200, body + b"\xff\xfe\x80 broken bytes", "text/html; charset=utf-8"
            )
        if section == "/loop/":
            self.send_response(302)
            self.send_header("Location", path)
            self.end_headers()
            return None
        if section == "/moved/":
            port = self.server.server_address[1]
            self.send_response(301)
            self.send_header("Location", f"http://{MOVED_HOST}:{port}/movedhere/")
            self.end_headers()
            return None
        if section == "/movedhere/":
            return self.send_body(200, healthy("/moved/"))
        if section == "/huge/":
            return self.send_body(200, healthy(section) + b"<!--" + b"x" * 2_000_000 + b"-->")
        if section == "/layout/":
            # The site was redesigned: the reviews are now behind a search form.
            return self.send_body(
                200,
                b"<html><body><main><h1>Find a review</h1><form>Search</form></main></body></html>",
            )
        if section == "/dupes/":
            reviews = [("Child D1", "/dupes/child-d1.pdf")] * 2 + [
                ("Child D2", "/dupes/child-d2.pdf")
            ]
            return self.send_body(200, listing("Case reviews", reviews + reviews))
        if section == "/evil/":
            evil = listing(
                "Case reviews",
                [("Child E1", "/evil/child-e1.pdf")],
                extra=(
                    "<h3>&lt;script&gt;alert(1)&lt;/script&gt; Child E2 &ndash; Serious Case Review (published 2019)</h3>"
                    "<p><a href='javascript:alert(2)'>Child E2 full report</a> "
                    "<a href='data:text/html,hi'>Child E2 summary</a> "
                    "<a href='/evil/child-e2.pdf' onclick='steal()'>Child E2 learning brief</a></p>"
                ),
            )
            return self.send_body(200, evil)
        if section == "/slowpages/":
            return self.slow_pages(path)
        return self.send_body(404, b"<h1>Not found</h1>")

    def slow_pages(self, path: str):
        """A listing paginated one review a page (?page=1 to 20), each page slow to answer."""
        page = int(self.path.partition("page=")[2] or 1)
        time.sleep(0.3)
        following = (
            f"<a rel='next' href='/slowpages/?page={page + 1}'>Next</a>" if page < PAGES else ""
        )
        body = (
            "<html><body><main><h1>Case reviews</h1>"
            f"<h3>Child S{page} Serious Case Review (published 4 June 2019)</h3>"
            f"<p><a href='/slowpages/child-s{page}.pdf'>Child S{page} overview report</a></p>"
            f"<nav class='pager'>{following}</nav></main></body></html>"
        )
        return self.send_body(200, body.encode())


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that gave up (a timeout under test) is expected, not news."""


class LocalSite:
    """Servers on ``hosts`` (loopback addresses) sharing one state; ``url(path, host)``."""

    def __init__(self, hosts=("127.0.0.1",)):
        self.state = SiteState()
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.port = free_port()
        self.servers = []
        for host in hosts:
            server = QuietServer((host, self.port), handler)
            server.daemon_threads = True
            self.servers.append(server)
        self.threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in self.servers]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def set_mode(self, mode: str) -> None:
        with self.state.lock:
            self.state.mode = mode
            self.state.hits.clear()
            self.state.requests.clear()
            self.state.bytes_sent = 0

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
