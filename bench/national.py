"""A simulated national harvest: N partnership sites on loopback addresses (127.0.0.x), each
with robots.txt, a listing and 8 review pages, answering after 20 ms, with ETags. One cold
harvest and two unchanged re-harvests with the project's default settings (2 s per site between
requests, one request per site at a time). Prints wall time against the politeness bound and a
naive loop, the start-up cost, requests and bytes per run, and CPU per page; then the same cold
harvest by Scrapy alone (bench/scrapy_floor.py), the CPU per page no extractor can save. Asserts
nothing.

    python bench/national.py               # 60 sites
    python bench/national.py --sites 20 --delay 1
    git worktree add /tmp/then 47681af^ && python bench/national.py --repeat 3 --against /tmp/then
    python bench/national.py --instructions --against /tmp/then   # instructions, not seconds
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DETAILS = 8
LATENCY = 0.02


class Sites:
    def __init__(self, count: int):
        self.count = count
        self.requests: Counter = Counter()
        self.bytes = 0
        self.first_request: float | None = None
        self.lock = threading.Lock()
        self.servers = []

    def host(self, n: int) -> str:
        return f"127.0.0.{n + 2}"

    def page(self, n: int, path: str) -> bytes | None:
        if path == "/robots.txt":
            return b"User-agent: *\nDisallow: /private/\n"
        if path == "/case-reviews/":
            items = "".join(
                f'<li><a href="/case-reviews/child-{n}-{d}/">Child {chr(65 + d)}{n}</a>:'
                f" a child safeguarding practice review, published {d + 1} March 2024.</li>"
                for d in range(DETAILS)
            )
            return (f"<html><head><title>Case reviews</title></head><body><main><h1>Case reviews"
                    f"</h1><ul>{items}</ul></main></body></html>").encode()  # fmt: skip
        for d in range(DETAILS):
            if path == f"/case-reviews/child-{n}-{d}/":
                name = f"Child {chr(65 + d)}{n}"
                return (f"<html><head><title>{name}</title></head><body><main><h1>{name}: child"
                        f" safeguarding practice review</h1><p>Published {d + 1} March 2024. The"
                        f" partnership reviewed the care of {name}, a baby who was seriously"
                        f" injured; the review looks at how agencies shared information and"
                        f" worked with the father.</p></main></body></html>").encode()  # fmt: skip
        return None

    def start(self, port: int) -> None:
        sites = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                n = int(self.server.server_address[0].rsplit(".", 1)[1]) - 2
                time.sleep(LATENCY)
                body = sites.page(n, self.path)
                with sites.lock:
                    sites.requests[self.path.split("/")[1] or "/"] += 1
                    if sites.first_request is None:
                        sites.first_request = time.time()
                if body is None:
                    return self.send(404, b"not found", {})
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self.send(304, b"", {"ETag": etag})
                return self.send(200, body, {"ETag": etag})

            def send(self, status, body, headers):
                with sites.lock:
                    sites.bytes += len(body)
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8" if not
                                 self.path.endswith(".txt") else "text/plain")  # fmt: skip
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        for n in range(self.count):
            server = ThreadingHTTPServer((self.host(n), port), Handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers.append(server)

    def stop(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def reset(self) -> None:
        self.requests, self.bytes, self.first_request = Counter(), 0, None


def registry(path: Path, sites: Sites, port: int) -> None:
    from crawler.normalise.areas import resolve_area

    areas = ["Kent", "Essex", "Surrey", "Norfolk", "Suffolk", "Devon", "Cornwall", "Dorset"]
    entries = []
    for n in range(sites.count):
        area = resolve_area(areas[n % len(areas)])
        entries.append({
            "id": f"site-{n}-scp", "name": f"Site {n} Safeguarding Children Partnership",
            "nation": "England", "serves": "children", "area": area.name,
            "area_codes": [area.code], "urls": [f"http://{sites.host(n)}:{port}/case-reviews/"],
            "hints": {"follow": "/case-reviews/child-"},
        })  # fmt: skip
    path.write_text(yaml.safe_dump(entries), encoding="utf-8")


def run(
    tmp: Path,
    sites: Sites,
    settings: list[str],
    floor: bool = False,
    code: Path = ROOT,
    instructions: bool = False,
) -> dict:
    """One harvest of the simulated sites (``floor``: Scrapy alone, bench/scrapy_floor.py;
    ``code``: the checkout whose ``crawler`` harvests, this one unless --against names another;
    ``instructions``: under valgrind's callgrind, which counts the instructions it runs)."""
    sites.reset()
    if floor:
        args = [sys.executable, str(ROOT / "bench" / "scrapy_floor.py"),
                str(tmp / "registry.yml"), str(tmp / "floor-cache"), *settings]  # fmt: skip
    else:
        args = [sys.executable, "-m", "crawler.cli", "harvest", "--db", str(tmp / "reviews.db"),
                "-q", "partnerships"]  # fmt: skip
        for setting in settings:
            args += ["-s", setting]
    env = {**os.environ, "SCR_REGISTRY": str(tmp / "registry.yml"), "SCR_ARCHIVE": "0"}
    if code != ROOT:
        env["PYTHONPATH"] = str(code)
    if instructions:
        out = tmp / f"callgrind.{len(list(tmp.glob('callgrind.*')))}"
        args = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    result = subprocess.run(args, cwd=code, env=env, capture_output=True, text=True)
    wall = time.time() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1) or not sites.requests:
        # A harvest that could not run (a missing package: run with the project's Python,
        # `make bench`) would otherwise print a row of zeros as if it were a measurement.
        sys.exit(f"the harvest failed (exit {result.returncode}, {sum(sites.requests.values())}"
                 f" requests):\n{result.stdout[-1500:]}{result.stderr[-1500:]}")  # fmt: skip
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    counted = re.search(r"Collected : (\d+)", result.stderr) if instructions else None
    return {
        "wall": wall,
        "startup": (sites.first_request or start) - start,
        "requests": sum(sites.requests.values()),
        "bytes": sites.bytes,
        "cpu": cpu,
        "instructions": int(counted[1]) if counted else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=60)
    parser.add_argument(
        "--delay", type=float, default=None, help="DOWNLOAD_DELAY (default: the project's)"
    )
    parser.add_argument(
        "--repeat", type=int, default=1,
        help="run the whole sequence this many times (fresh database each) and add the median;"
        " CPU per page on a shared or virtual machine varies by a third between runs",
    )  # fmt: skip
    parser.add_argument(
        "--against", type=Path, default=None,
        help="another checkout (git worktree add /tmp/then <commit>): its cold harvest runs"
        " between this one's, so both see the same machine; CPU per page differs by a third"
        " between runs minutes apart, so only runs made together compare",
    )  # fmt: skip
    parser.add_argument(
        "--instructions", action="store_true",
        help="count instructions instead (valgrind's callgrind, about 40 times slower): one cold"
        " harvest each, this checkout's, Scrapy alone's and --against's; within about 1%% on any"
        " run of the same code, where CPU time varies by a third or more",
    )  # fmt: skip
    args = parser.parse_args()
    if args.instructions:
        if not shutil.which("valgrind"):
            parser.error("--instructions needs valgrind (apt-get install valgrind)")
        if args.repeat != 1:
            parser.error("--instructions varies by about 1% between runs: no --repeat")
    if args.against and not (args.against / "crawler").is_dir():
        parser.error(f"--against {args.against}: not a checkout of scr-digest (no crawler/ in it)")
    from crawler import settings as project

    delay = args.delay if args.delay is not None else project.DOWNLOAD_DELAY
    extra = [f"DOWNLOAD_DELAY={args.delay}"] if args.delay is not None else []
    # Byte-compile the project first: where PYTHONDONTWRITEBYTECODE is set (as on the CI
    # machines), every harvest would otherwise compile the modules edited since the last
    # compile from source, which an installed copy never does.
    import compileall

    compileall.compile_dir(ROOT / "crawler", quiet=1)
    # ... and its compiled patterns kept beside the byte code (crawler/patterns.py), as an
    # installed copy's first run keeps them.
    subprocess.run([sys.executable, "-m", "crawler.patterns"], cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    if args.against:
        compileall.compile_dir(args.against / "crawler", quiet=1)
    sites = Sites(args.sites)
    from tests.localsite import free_port

    port = free_port()
    sites.start(port)
    per_site = 2 + DETAILS  # robots.txt, the listing, the review pages
    bound = (per_site - 1) * delay + per_site * LATENCY
    naive = args.sites * per_site * (delay + LATENCY)
    jitter = project.DOWNLOAD_DELAY_JITTER
    print(f"{args.sites} sites x {per_site} requests, {LATENCY * 1000:.0f} ms latency,"
          f" DOWNLOAD_DELAY {delay:g} s (jitter +-{jitter:.0%})")  # fmt: skip
    print(f"politeness bound {bound:.1f} s; a naive loop with the same delay {naive:.0f} s")
    # (label, Scrapy alone?, whose code): this checkout's runs share one database, in order
    runs = [("cold", False, ROOT), ("re-harvest 1", False, ROOT), ("re-harvest 2", False, ROOT),
            ("Scrapy alone, cold", True, ROOT)]  # fmt: skip
    if args.against:
        runs.append((f"cold, {args.against.name}", False, args.against))
    if args.instructions:  # (wall time and start-up under callgrind mean nothing)
        runs = [r for r in runs if not r[0].startswith("re-harvest")]
    seen: dict[str, list[dict]] = {label: [] for label, _, _ in runs}

    def row(label: str, r: dict) -> None:
        net = (r["wall"] - r["startup"]) / bound
        pages = max(r["requests"], 1)
        counted = f" {r['instructions'] / 1e6 / pages:13.1f}" if args.instructions else ""
        print(f"{label:22s} {r['wall']:7.1f} {r['startup']:9.2f} {net:9.2f} {r['requests']:8d}"
              f" {r['bytes']:10,d} {r['cpu'] * 1000 / pages:11.1f}{counted}")  # fmt: skip

    print(f"{'run':22s} {'wall s':>7s} {'startup s':>9s} {'net/bound':>9s} {'requests':>8s}"
          f" {'body bytes':>10s} {'CPU ms/page':>11s}"
          + (f" {'M instr/page':>13s}" if args.instructions else ""))  # fmt: skip
    try:
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                tmp = Path(tmp)
                registry(tmp / "registry.yml", sites, port)
                for label, floor, code in runs:
                    folder = tmp if code == ROOT else tmp / "against"  # its own database
                    if not folder.exists():
                        folder.mkdir()
                        registry(folder / "registry.yml", sites, port)
                    seen[label].append(
                        run(folder, sites, extra, floor, code, instructions=args.instructions)
                    )
                    row(label, seen[label][-1])
        if args.repeat > 1:
            print(f"median of {args.repeat}:")
            for label, results in seen.items():
                middle = {k: statistics.median(r[k] for r in results) for k in results[0]}
                row(label, {**middle, "requests": int(middle["requests"]),
                            "bytes": int(middle["bytes"])})  # fmt: skip
        print("'Scrapy alone': the same requests and settings with a spider that only parses"
              " each page (bench/scrapy_floor.py): the CPU before any extraction or store.")  # fmt: skip
    finally:
        sites.stop()


if __name__ == "__main__":
    main()
