"""The ``scr`` command: harvest, serve, digest, sources and explain."""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from .database import HarvestLocked, ReviewStore

DEFAULT_DB = "data/reviews.db"
ROOT = Path(__file__).resolve().parents[1]

HARVEST_HEADER = ["source", "state", "requests", "responses", "reviews", "new", "updated",
                  "no subject", "archived", "docs checked", "errors"]  # fmt: skip
# Datasette's own facet suggestions cost seconds on a large table; staff facet on /search.
# Datasette settings for `scr serve` (bench/scale.py times pages with the same ones).
SERVE_SETTINGS = {"suggest_facets": False, "facet_time_limit_ms": 200}
EXIT_PARTIAL = 1
EXIT_LOCKED = 3


class BadInput(click.ClickException):
    """Input scr cannot use (a file, a folder, a name): one line saying why, exit 2."""

    exit_code = 2


class BadDatabase(BadInput):
    """A database file scr cannot use: one line naming it, exit 2 (bad input)."""


def check_database(db_path, must_exist: bool = True) -> Path:
    """The database file, or a one-line error: missing, unreadable, not SQLite, damaged, or
    another application's database."""
    import sqlite3

    path = Path(db_path)
    if not path.exists():
        if must_exist:
            raise BadDatabase(f"{path} does not exist: run `scr harvest` first")
        problem = _folder_problem(path)  # a mistyped path is not a request to make folders
        if problem:
            raise BadDatabase(f"cannot create {path}: {problem}")
        return path
    if path.is_dir():
        raise BadDatabase(f"{path} is a directory, not a database file")
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise BadDatabase(f"{path} cannot be read: {exc.strerror}") from None
    if header and header != b"SQLite format 3\x00":
        raise BadDatabase(f"{path} is not a SQLite database")
    if not header:
        return path  # an empty file is a new database
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BadDatabase(f"{path} is damaged: {exc}") from None
    if problem != "ok":
        raise BadDatabase(f"{path} is damaged: {problem}")
    if tables and "reviews" not in tables:
        shown = ", ".join(sorted(tables)[:5])
        raise BadDatabase(f"{path} is not a scr-digest database (it has {shown})")
    return path


def check_output(output: str) -> None:
    """The file a command will write (``-`` is stdout), or a one-line error, before any work:
    its folder missing, not a folder, or not writable, or the file itself read-only."""
    if output == "-":
        return
    path = Path(output)
    problem = _folder_problem(path)
    if problem:
        raise BadInput(f"cannot write {path}: {problem}")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise BadInput(f"cannot write {path}: the file is not writable")
    elif not os.access(path.parent, os.W_OK | os.X_OK):
        raise BadInput(f"cannot write {path}: the directory {path.parent} is not writable")


def _folder_problem(path: Path) -> str | None:
    """Why a file cannot be made at ``path`` for want of its folder, or None."""
    if not path.parent.exists():
        return f"the directory {path.parent} does not exist"
    if not path.parent.is_dir():
        return f"{path.parent} is not a directory"
    return None


def http_url(ctx, param, value):
    """Click callback: an absolute http(s) URL, or the option's own one-line error."""
    if value is None:
        return value
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() for c in value)
    ):
        raise click.BadParameter(
            f"{value!r} is not an absolute http(s) URL, e.g. https://scr.example.org"
        )
    return value


def _number(value: str) -> bool:
    try:
        return math.isfinite(float(value))
    except ValueError:
        return False


def _whole(value: str) -> bool:
    """What Scrapy's ``Settings.getint`` accepts."""
    try:
        int(value)
    except ValueError:
        return False
    return True


def _boolean(value: str) -> bool:
    """What Scrapy's ``Settings.getbool`` accepts."""
    return _whole(value) or value in ("True", "true", "False", "false")


# Settings with a whole-number default that are read as floats (getfloat): 12.5 is fine.
FRACTIONAL_SETTINGS = {"DOWNLOAD_TIMEOUT", "DNS_TIMEOUT", "SCR_RETRY_AFTER_MAX"}


def _may_be_negative(name: str) -> bool:
    """Numeric settings with a default of 0 or more where a negative number still means
    something: priorities (RETRY_PRIORITY_ADJUST=-2 puts retries further back) and the feed
    indent."""
    return "PRIORITY" in name or name == "FEED_EXPORT_INDENT"


def setting_overrides(overrides) -> dict[str, str]:
    """``-s NAME=VALUE`` pairs as a dict, each checked against the setting's default (the
    project's, else Scrapy's): a bool takes true/false or 1/0, an int a whole number and a float
    a number (Scrapy reads some int defaults, DOWNLOAD_TIMEOUT among them, as floats), neither
    negative when the default is not (but for priorities). A name that is not a known setting
    but is close to one is a misspelling; one close to none is passed on (an extension's own
    setting), as are settings with any other default, or none."""
    import difflib

    settings = {}
    defaults = None
    known: set[str] = set()
    for override in overrides:
        name, sep, value = override.partition("=")
        name = name.strip()
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {override!r}", param_hint="--set")
        if defaults is None:
            from scrapy.settings import Settings

            defaults = Settings()
            defaults.setmodule("crawler.settings", priority="project")
            # Not CONCURRENT_REQUESTS_PER_IP: deprecated, and the project's scheduler refuses it
            # (it is then "unknown", close to CONCURRENT_REQUESTS_PER_DOMAIN, its replacement).
            known = set(defaults.attributes)
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.85)
            if close:
                raise click.BadParameter(
                    f"unknown setting {name} (did you mean {close[0]}?)", param_hint="--set"
                )
        default = defaults.get(name)
        if isinstance(default, bool):
            if not _boolean(value):
                raise click.BadParameter(
                    f"{name} takes true or false (or 1 or 0), not {value!r}", param_hint="--set"
                )
        elif isinstance(default, int | float):
            if not _number(value):
                raise click.BadParameter(
                    f"{name} takes a number (its default is {default}), not {value!r}",
                    param_hint="--set",
                )
            if isinstance(default, int) and name not in FRACTIONAL_SETTINGS and not _whole(value):
                raise click.BadParameter(
                    f"{name} takes a whole number (its default is {default}), not {value!r}",
                    param_hint="--set",
                )
            if float(value) < 0 <= default and not _may_be_negative(name):
                raise click.BadParameter(
                    f"{name} takes a number of 0 or more (its default is {default}), not {value!r}",
                    param_hint="--set",
                )
        settings[name] = value
    return settings


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    for row in rows:
        out.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    return "\n".join(out)


@click.group()
@click.version_option(package_name="scr-digest")
def main():
    """scr-digest: harvest, search and follow published UK case reviews.

    Every command checks its input and its database before it starts, and says what is wrong.

    \b
    Exit status:
      0  success (harvest: every source succeeded)
      1  harvest: any source failed or looks suspect (the others are still stored)
      2  bad input
      3  harvest: another harvest is already writing the database
         (--wait waits for it instead)
    """


@main.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--snapshot",
    type=click.Path(file_okay=False),
    help="Answer every request from this saved-site directory instead of the network.",
)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path())
@click.option(
    "--wait", is_flag=True, help="Wait for a running harvest to finish instead of refusing."
)
@click.option("--quiet", "-q", is_flag=True, help="Only print the summary.")
@click.option(
    "--full",
    is_flag=True,
    help="Ask GOV.UK for everything, not only what changed since the last good harvest.",
)
@click.option(
    "--set",
    "-s",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy setting for this harvest (e.g. -s DOWNLOAD_DELAY=5).",
)
def harvest(sources, snapshot, db_path, wait, quiet, full, overrides):
    """Harvest SOURCES (nspcc, govuk, partnerships, or registry ids; none means all).

    \b
    Exit status:
      0  every source succeeded
      1  any source failed or looks suspect (the others are still stored)
      2  bad input
      3  another harvest is already writing the database
         (--wait waits for it instead)
    """
    from .harvest import HarvestBroken, run_harvest

    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"  {message}", err=True)

    check_database(db_path, must_exist=False)
    settings = setting_overrides(overrides)  # before the database is opened or created

    try:
        rows = run_harvest(
            db_path,
            list(sources),
            snapshot=snapshot,
            progress=progress,
            wait=wait,
            full=full,
            settings_overrides=settings,
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    except FileNotFoundError as exc:
        raise click.BadParameter(str(exc), param_hint="--snapshot") from exc
    except HarvestLocked as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except HarvestBroken as exc:
        click.echo(f"Error: the harvest did not run: {exc}", err=True)
        sys.exit(EXIT_PARTIAL)
    table = []
    for row in rows:
        responses = json.loads(row["responses"] or "{}")
        table.append(
            [
                row["source"],
                row["state"],
                row["requests"],
                " ".join(f"{k}:{v}" for k, v in sorted(responses.items())) or "-",
                row["items"],
                row["new_reviews"],
                row["updated_reviews"],
                row["no_subject"] or 0,
                row["archived"] or 0,
                row["documents_checked"] or 0,
                row["error_count"],
            ]
        )
    click.echo(
        _table(
            table,
            HARVEST_HEADER,
        )
    )
    failed = [r for r in rows if r["state"] != "ok"]
    total = sum(r["items"] for r in rows)
    click.echo(
        f"\n{len(rows)} sources, {total} reviews seen, {len(failed)} not ok. Database: {db_path}"
    )
    for row in failed:
        errors = json.loads(row["errors"] or "[]")
        click.echo(f"  {row['source']}: {row['state']}: {errors[-1] if errors else ''}", err=True)
    if failed:
        sys.exit(EXIT_PARTIAL)


@main.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path())
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind (local only by default).",
)
@click.option(
    "--base-url",
    default="/",
    show_default=True,
    help="The path the site is served under behind a proxy, e.g. /scr/.",
)
def serve(db_path, port, host, base_url):
    """Serve the database with Datasette, metadata.yml and the project's plugins."""
    from datasette.cli import cli as datasette_cli

    if not base_url.startswith("/"):
        raise click.BadParameter("must start with /, e.g. /scr/", param_hint="--base-url")
    check_database(db_path)
    ReviewStore(db_path).close()  # make sure the schema is current
    args = [
        "serve",
        str(db_path),
        "--host",
        host,
        "--port",
        str(port),
        "--metadata",
        str(ROOT / "metadata.yml"),
        *[
            part
            for name, value in SERVE_SETTINGS.items()
            for part in (
                "--setting",
                name,
                ("on" if value else "off") if isinstance(value, bool) else str(value),
            )
        ],
        "--setting",
        "base_url",
        base_url if base_url.endswith("/") else base_url + "/",
    ]
    import os

    from feeds.plugin import SERVE_AS_REVIEWS

    os.environ[SERVE_AS_REVIEWS] = "1"  # data/other.db is served as /reviews/… all the same
    datasette_cli.main(args=args, prog_name="datasette", standalone_mode=True)


@main.command()
@click.argument("month")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
    help="Default: stdout (not for pdf).",
)  # fmt: skip
@click.option(
    "--site-url",
    envvar="SCR_SITE_URL",
    default="http://127.0.0.1:8001",
    show_default=True,
    callback=http_url,
    help="Where the site is served: the export's links to months and reviews start with it.",
)
def digest(month, db_path, fmt, output, site_url):
    """Write the digest of MONTH (YYYY-MM): the reviews published, or newly found, that month.

    Markdown for email and board papers, a standalone HTML page, or a PDF."""
    import sqlite3

    from feeds.digest import build_digest, digest_month, render_html, render_markdown

    try:
        year, number = digest_month(month)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="MONTH") from exc
    if fmt == "pdf" and output == "-":
        raise click.BadParameter("a PDF needs a file: -o digest.pdf", param_hint="--output")
    check_output(output)
    check_database(db_path)
    conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    try:
        result = build_digest(conn, year, number)
    finally:
        conn.close()
    if fmt == "pdf":
        from feeds.pdf import render_pdf

        _write(output, render_pdf(result, site_url=site_url))
        return
    text = (
        render_markdown(result, site_url=site_url)
        if fmt == "md"
        else render_html(result, site_url=site_url)
    )
    if output == "-":
        click.echo(text, nl=False)
    else:
        _write(output, text.encode("utf-8"))


def _write(output: str, body: bytes) -> None:
    """Write a file checked by check_output; a failure now (a full disk) is one line, exit 1."""
    try:
        Path(output).write_bytes(body)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror}") from None


@main.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path())
def sources(db_path):
    """List the source registry and the health of each source."""
    from .registry import load_registry

    check_database(db_path)
    store = ReviewStore(db_path)
    health = {r["id"]: dict(r) for r in store.conn.execute("SELECT * FROM sources")}
    store.close()
    rows = []
    for source in load_registry():
        h = health.get(source.id, {})
        rows.append(
            [
                source.id,
                source.nation,
                source.serves,
                source.area,
                len(source.urls),
                h.get("state") or "never run",
                h.get("last_items") if h.get("last_items") is not None else "-",
                (h.get("failing_since") or "")[:10] or "-",
            ]
        )
    for sid, h in sorted(health.items()):
        if sid not in {r[0] for r in rows}:
            rows.append(
                [
                    sid,
                    h.get("nation") or "-",
                    h.get("serves") or "-",
                    h.get("area") or "-",
                    "-",
                    h.get("state"),
                    h.get("last_items"),
                    (h.get("failing_since") or "")[:10] or "-",
                ]
            )
    # By id: the registry file keeps its entries in the order they were added.
    rows.sort(key=lambda row: row[0])
    click.echo(
        _table(rows, ["id", "nation", "serves", "area", "urls", "state", "reviews", "not ok since"])
    )
    problems = [(sid, h) for sid, h in health.items() if h.get("state") not in (None, "ok")]
    for sid, h in problems:
        click.echo(f"{sid}: {h['state']} since {h['failing_since']}: {h['last_error']}")


@main.command()
@click.argument("source_id")
@click.option(
    "--snapshot",
    default="data/snapshot",
    show_default=True,
    type=click.Path(file_okay=False),
    help="The saved-site directory to read the source's pages from.",
)
@click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Read this saved page instead (its address is the source's first URL, or --url).",
)
@click.option("--url", callback=http_url, help="The address of the page given with --file.")
@click.option("--tree", is_flag=True, help="Also print the page's segments.")
def explain(source_id, snapshot, files, url, tree):
    """Show why SOURCE_ID's saved pages give the reviews they give.

    Every candidate record, kept or left out, with its score and strongest features, then the
    reviews as a harvest would store them. Reads saved pages only, never the network.
    """
    from .explain import NothingToExplain, explain_page, saved_pages
    from .registry import load_registry

    if url and not files:
        raise BadInput("--url is the address of a page given with --file; pass --file PAGE.html")
    registry = load_registry()
    source = next((s for s in registry if s.id == source_id), None)
    if source is None and not (files and url):
        import difflib

        ids = [s.id for s in registry]
        close = [i for i in ids if i.startswith(f"{source_id}-")][:3] or (
            difflib.get_close_matches(source_id, ids, n=3, cutoff=0.8)
        )
        maybe = f" (did you mean {' or '.join(close)}?)" if close else ""
        raise BadInput(
            f"no partnership source {source_id!r} in the registry{maybe}; see `scr sources`, or,"
            " to try a page before adding it, pass --file PAGE.html --url ITS-ADDRESS"
        )
    if files:
        pages = [(url or source.urls[0], Path(f).read_bytes()) for f in files]
    else:
        try:
            pages = list(saved_pages(source, Path(snapshot)))
        except NothingToExplain as problem:
            raise click.ClickException(str(problem)) from None
    for page_url, html in pages:
        click.echo(explain_page(html, page_url, source, tree=tree))


if __name__ == "__main__":
    main()
