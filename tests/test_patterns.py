"""crawler/patterns.py: patterns built from the kept compiled form are re.compile's patterns,
and a missing, damaged or foreign file only means compiling them again."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from array import array

import pytest

from crawler import patterns

SAMPLES = [
    ("Child LG: serious case review, published 4th June 2020 (PDF, 1.2MB)", 0),
    (r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>jan(?:uary)?|june?)\s+(?P<year>(?:19|20)\d\d)", re.I),
    (r"\b(?=[ACDILMS]|(?i:[acdilmnrst]))(?:(?i:\bserious case reviews?\b)|\bSCR(?:['’]?[sS])?\b)", 0),
]  # fmt: skip


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """patterns.py with its file in ``tmp_path`` and nothing loaded or added yet."""
    monkeypatch.setattr(patterns, "FOLDER", tmp_path)
    monkeypatch.setattr(patterns, "FILE", tmp_path / "patterns.bin")
    monkeypatch.setattr(patterns, "_kept", None)
    monkeypatch.setattr(patterns, "_added", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return patterns


def _same(made: re.Pattern, pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert made == expected  # (equal patterns have the same text, flags and engine codes)
    assert (made.groups, made.groupindex, made.flags) == (
        expected.groups, expected.groupindex, expected.flags)  # fmt: skip


@functools.cache
def _modules_patterns(seed: str = "0") -> list[tuple[str, int]]:
    """Every (pattern, flags) the modules compile, in a process of their own (with that hash
    seed): patterns.compile is wrapped before any other module is imported."""
    listing = (
        "import importlib, json, pkgutil, crawler\n"
        "from crawler import patterns\n"
        "asked, compile = [], patterns.compile\n"
        "patterns.compile = lambda p, f=0: asked.append((p, int(f))) or compile(p, f)\n"
        "for m in pkgutil.walk_packages(crawler.__path__, 'crawler.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(json.dumps(sorted(set(asked))))"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", listing], capture_output=True, text=True,
                          check=True, env=env)  # fmt: skip
    return [tuple(found) for found in json.loads(done.stdout)]


def test_every_pattern_of_every_module_is_the_one_re_compile_makes():
    asked = _modules_patterns()
    assert len(asked) > 150  # the modules' patterns
    for pattern, flags in asked:
        made, entry = patterns._compiled(pattern, flags)  # what would be kept
        assert entry is not None, pattern
        _same(made, pattern, flags)
        _same(patterns.built(pattern, entry), pattern, flags)
        _same(patterns.compile(pattern, flags), pattern, flags)  # (from the file, if kept)
    for (pattern, flags), entry in patterns._entries().items():  # kept by an earlier run
        _same(patterns.built(pattern, entry), pattern, flags)


def test_patterns_kept_in_the_file_are_built_from_it_next_time(fresh):
    for pattern, flags in SAMPLES:
        _same(fresh.compile(pattern, flags), pattern, flags)
    assert not fresh.FILE.exists()  # written at exit, not on every pattern
    fresh.save()
    assert fresh.FILE.read_bytes().startswith(fresh.HEADER)
    fresh._kept, fresh._added = None, {}  # the next process
    assert set(fresh._entries()) == {(p, int(f)) for p, f in SAMPLES}
    text = "Child LG: Serious Case Review (SCR), 4th June 2020"
    for pattern, flags in SAMPLES:
        made = fresh.compile(pattern, flags)
        _same(made, pattern, flags)
        assert [m.groupdict() for m in made.finditer(text)] == [
            m.groupdict() for m in re.finditer(pattern, text, flags)]  # fmt: skip
    assert fresh._added == {}  # every one came from the file


@pytest.mark.parametrize(
    "damage",
    ["flip a byte", "cut short", "another header", "another python", "not marshal", "empty"],
)
def test_a_damaged_or_foreign_file_is_compiled_again_as_before(fresh, damage):
    pattern, flags = SAMPLES[1]
    fresh.compile(pattern, flags)
    fresh.save()
    data = fresh.FILE.read_bytes()
    if damage == "flip a byte":
        data = data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:]
    elif damage == "cut short":
        data = data[: len(data) // 2]
    elif damage == "another header":
        data = b"scr-digest patterns 1\n" + data[len(fresh.HEADER) :]
    elif damage == "another python":
        data = fresh._written({"python": "2.7.18", "patterns": fresh._entries()})
    elif damage == "not marshal":
        body = b"\xff" * 40
        data = fresh.HEADER + fresh._digest(body) + body
    else:
        data = b""
    fresh.FILE.write_bytes(data)
    fresh._kept, fresh._added = None, {}
    assert fresh._entries() == {}
    _same(fresh.compile(pattern, flags), pattern, flags)


def test_an_entry_the_engine_refuses_is_compiled_again(fresh):
    pattern, flags = SAMPLES[0]
    refused = (
        int(flags | re.U),
        array(patterns._WORD, [999]).tobytes(),
        0,
        {},
        (None,),
    )  # not engine code
    fresh.FILE.write_bytes(
        fresh._written({"python": sys.version, "patterns": {(pattern, flags): refused}})
    )
    assert fresh._entries() == {(pattern, flags): refused}
    _same(fresh.compile(pattern, flags), pattern, flags)
    assert (pattern, flags) in fresh._added  # and the file is put right at exit


def test_nothing_is_written_where_byte_code_would_not_be(fresh, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # PYTHONDONTWRITEBYTECODE
    _same(fresh.compile(*SAMPLES[1]), *SAMPLES[1])
    assert fresh._added == {}  # compiled once, by re.compile: nothing to keep
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    fresh.compile(*SAMPLES[0])
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    fresh.save()
    assert not fresh.FILE.exists()
    fresh.save(always=True)  # python -m crawler.patterns, as python -m compileall
    assert set(fresh._entries()) == {(SAMPLES[0][0], 0)}
    fresh.FILE.unlink()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    monkeypatch.setattr(fresh, "FOLDER", blocked)  # an install that cannot be written to
    monkeypatch.setattr(fresh, "FILE", blocked / "patterns.bin")
    fresh.save()  # quietly: compiled each time, as before
    assert blocked.read_text() == ""


def test_a_file_that_cannot_be_written_whole_leaves_nothing_behind(fresh, monkeypatch):
    fresh.compile(*SAMPLES[0])

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fresh.os, "replace", full_disk)
    fresh.save()
    assert list(fresh.FOLDER.iterdir()) == []  # neither the file nor a temporary one


def test_the_patterns_are_the_same_text_in_every_run():
    """A pattern built from a set's order would differ between runs (hash randomisation): it
    would never be found in the file, which would grow by one each run."""
    runs = [_modules_patterns(seed) for seed in ("1", "2", "3")]
    assert runs[0] == runs[1] == runs[2]
    assert len(runs[0]) > 150
