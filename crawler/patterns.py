"""The extractor's regular expressions, compiled once per installed Python, not once per run.

Python compiles a pattern from its text in every process that uses it, and its parser and
compiler are Python code. scr-digest's modules define about 210 patterns, some of them every
review type's names and acronyms in one alternation thousands of characters long: compiling
them was most of what importing the extractor costs, at the start of every harvest and every
command (1.05 G instructions of it, 0.40 G with the patterns kept: about 1.1 M instructions
per page of a 600-page harvest, or 0.1 s).

``compile`` keeps what Python's compiler makes of each pattern (the engine's codes, its groups
and flags) in a file beside the modules' byte code, ``crawler/__pycache__/patterns.<python>.bin``,
and the next process builds the same pattern object from it with the engine's own constructor.
The file is trusted as byte code is (the engine does not check every code it is given, and a
wrong one can crash the process, as damaged byte code can), so it carries a SHA-256 of its
contents and is used only whole: a file that fails its checksum or to load (damaged, cut
short, another Python's) is ignored, and so is an entry the engine refuses; those patterns are
compiled by ``re.compile`` as before. A pattern is kept only when what it was built from makes
a pattern equal to ``re.compile``'s. The file is written as byte code is:
not when ``PYTHONDONTWRITEBYTECODE`` is set, and not where the package cannot be written to.
tests/test_patterns.py compares every kept pattern with ``re.compile``'s.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from pathlib import Path

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python: re.compile alone
    _sre = _compiler = _parser = None

FOLDER = Path(__file__).resolve().parent / "__pycache__"
FILE = FOLDER / f"patterns.{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}.bin"
HEADER = b"scr-digest patterns 2\n"
# The engine's codes are 32-bit words (SRE_CODE): the array type of that size, if there is one.
_WORD = next((t for t in "IL" if array(t).itemsize == getattr(_sre, "CODESIZE", 4)), None)
LIMIT = 5000  # patterns kept at most (these are module constants; more means something else)

_kept: dict | None = None  # (pattern, flags) -> what the engine's constructor takes
_added: dict = {}
_keep_always = False  # python -m crawler.patterns: keep them even where byte code is not kept


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, built from the kept compiled form when there is one."""
    flags = int(flags)
    entry = _entries().get((pattern, flags))
    if entry is not None:
        try:
            return built(pattern, entry)
        except Exception:  # (an entry the engine refuses: compiled afresh below)
            pass
    if sys.dont_write_bytecode and not _keep_always:
        return re.compile(pattern, flags)  # nothing will be kept: compiled once, as before
    made, entry = _compiled(pattern, flags)
    if entry is not None:
        _added[(pattern, flags)] = entry
    return made


def built(pattern: str, entry: tuple) -> re.Pattern:
    """The pattern made from a kept entry (its codes are kept as 32-bit words: a tenth of the
    memory of a list of ints, and read in one piece)."""
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_WORD, code).tolist(), groups, groupindex,
                        indexgroup)  # fmt: skip


def _entries() -> dict:
    global _kept
    if _kept is None:
        _kept = {}
        if _sre is not None and _WORD:
            try:
                found = _read(FILE.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                found = None
            if isinstance(found, dict) and found.get("python") == sys.version:
                _kept = found.get("patterns") or {}
            atexit.register(save)
    return _kept


def _read(data: bytes):
    """The file's contents, if it is whole (its header, then the SHA-256 of what follows)."""
    body = data[len(HEADER) + 32 :]
    if data[: len(HEADER)] != HEADER or data[len(HEADER) : len(HEADER) + 32] != _digest(body):
        return None
    return marshal.loads(body)


def _written(contents) -> bytes:
    body = marshal.dumps(contents)
    return HEADER + _digest(body) + body


def _digest(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()


def _compiled(pattern: str, flags: int) -> tuple[re.Pattern, tuple | None]:
    """The pattern, and what the engine's constructor takes to make it again (None: what
    Python's own compiler made differs, so nothing is kept)."""
    expected = re.compile(pattern, flags)
    if _sre is None or not _WORD or not isinstance(pattern, str):
        return expected, None
    try:  # what re._compiler.compile does, keeping the arguments it passes the engine
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), array(_WORD, code).tobytes(),
                 int(parsed.state.groups) - 1, groupindex, tuple(indexgroup))  # fmt: skip
        made = built(pattern, entry)
    except Exception:
        return expected, None
    if made != expected or made.groupindex != expected.groupindex or made.groups != expected.groups:
        return expected, None
    return made, entry


def save(always: bool = False) -> None:
    """Add the patterns compiled in this process to the file (run at exit; ``always``: even
    where byte code is not written, as ``python -m compileall`` writes it)."""
    if not _added or (sys.dont_write_bytecode and not always) or _kept is None:
        return
    patterns = {**_kept, **_added}
    if len(patterns) > LIMIT:
        return
    temporary = None
    try:
        FOLDER.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=FOLDER, prefix=".patterns-")
        with os.fdopen(handle, "wb") as out:
            out.write(_written({"python": sys.version, "patterns": patterns}))
        os.chmod(temporary, 0o644)  # (as byte code is; mkstemp makes it the owner's alone)
        os.replace(temporary, FILE)  # whole or not at all, whoever writes last
    except (OSError, ValueError):
        # A read-only install (compiled each time, as before), a full disk, an unwritable
        # value: no half-written file is left behind.
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        return
    _kept.update(_added)
    _added.clear()


def main() -> None:
    """``python -m crawler.patterns``: compile every module's patterns and keep them (what the
    first run of an installed copy does; for a copy that never writes byte code, as
    ``python -m compileall`` compiles it)."""
    import importlib
    import pkgutil

    import crawler
    from crawler import patterns  # (this file runs as __main__: the modules use that one)

    patterns._keep_always = True
    for module in pkgutil.walk_packages(crawler.__path__, "crawler."):
        importlib.import_module(module.name)
    patterns.save(always=True)
    print(f"{len(patterns._entries())} patterns kept in {patterns.FILE}")


if __name__ == "__main__":
    main()
