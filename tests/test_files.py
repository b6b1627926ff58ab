"""The files' remembered digests: a file whose stat has not moved is not read, any edit is seen (even
one keeping size and mtime), a touched file with the same bytes still hits the findings cache, and
nothing is cached under a digest the bytes no longer have."""

from __future__ import annotations

import os
import time
from dataclasses import replace

import pytest
from test_cache import PACKAGE, Counting

from gorewrite import cache, files
from gorewrite.escapes import Escape
from gorewrite.proposals import PackageView, Rule

SOURCE = b"package p\n\nfunc F() *int {\n\tx := 1\n\treturn &x\n}\n"
EDITED = SOURCE.replace(b"x := 1", b"x := 2")  # the same size


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package directory with one file, and the cache beside it; RACY_NS 0 trusts a stat at once."""
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(files, "RACY_NS", 0)
    directory = tmp_path / "p"
    directory.mkdir()
    (directory / "p.go").write_bytes(SOURCE)
    (directory / "notes.txt").write_bytes(b"not Go")
    return directory


def listed(directory) -> tuple[files.Sources, files.Snapshots]:
    """One run's view of the directory: the remembered stat used, then what it learnt remembered."""
    snapshots = files.Snapshots()
    sources, remember = files.listed(str(directory), snapshots, {}, files.Memory(cache.remembered))
    if remember is not None:
        cache.remember(str(directory), remember)
    return sources, snapshots


def was_read(snapshots: files.Snapshots, path: str) -> bool:
    return snapshots._listed[path] is not None


def view(directory, sources: files.Sources) -> PackageView:
    path = str(directory / "p.go")
    moved = Escape(path, 4, 2, "moved to heap: x")
    package = replace(PACKAGE, dir=str(directory), files=(path,), rewritable=frozenset({path}))
    return PackageView(package, sources, (moved,), by_toolchain={"go1.27.3": (moved,)})


def test_a_file_whose_stat_is_remembered_is_not_read(package):
    path = str(package / "p.go")
    first, snapshots = listed(package)
    assert list(first) == [path] and was_read(snapshots, path)
    again, snapshots = listed(package)
    assert list(again) == [path] and not was_read(snapshots, path)
    assert again.digest(path) == first.digest(path) and not again.ignores(path)
    assert again[path] == SOURCE and was_read(snapshots, path) and not again.changed


def test_an_edit_keeping_size_and_mtime_is_seen(package):
    """Writing sets ctime, which nothing sets back: a stat that only mtime and size described would match."""
    path = package / "p.go"
    before, _ = listed(package)
    was = os.stat(path)
    time.sleep(0.05)  # past the file system's timestamp tick
    path.write_bytes(EDITED)
    os.utime(path, ns=(was.st_atime_ns, was.st_mtime_ns))
    assert (os.stat(path).st_size, os.stat(path).st_mtime_ns) == (was.st_size, was.st_mtime_ns)
    after, snapshots = listed(package)
    assert was_read(snapshots, str(path))
    assert after.digest(str(path)) != before.digest(str(path))
    assert cache.key(view(package, after), []) != cache.key(view(package, before), [])


def test_a_file_changed_just_before_it_was_read_is_not_remembered(package, monkeypatch):
    """git's racy-clean rule: a write in the tick of the read could leave the stat as it was."""
    monkeypatch.setattr(files, "RACY_NS", 2_000_000_000)
    listed(package)
    _, snapshots = listed(package)
    assert was_read(snapshots, str(package / "p.go"))


def test_a_touched_file_with_the_same_bytes_still_hits(package):
    find = Counting()
    rule = Rule("counting", "counts", ("moved to heap: x",), find=find, propose=lambda v, c: [])
    first, _ = listed(package)
    assert cache.find(view(package, first), [rule])[1]
    time.sleep(0.05)
    os.utime(package / "p.go")
    touched, snapshots = listed(package)
    assert was_read(snapshots, str(package / "p.go"))  # the stat moved: hashed again
    assert not cache.find(view(package, touched), [rule])[1]
    assert find.calls == 1


def test_nothing_is_cached_for_bytes_edited_during_the_run(package):
    """A remembered digest, then an edit before find reads the file: find sees the new bytes, so its
    findings must not be stored under the old key (a checkout restoring the old bytes would hit them)."""
    find = Counting()
    rule = Rule("counting", "counts", ("moved to heap: x",), find=find, propose=lambda v, c: [])
    listed(package)
    sources, _ = listed(package)
    (package / "p.go").write_bytes(EDITED + b"\n")
    stale = view(package, sources)
    assert cache.find(stale, [rule])[1] and sources.changed
    assert not (package.parent / "cache" / "find").exists()


def test_a_damaged_memory_is_read_again(package):
    listed(package)
    (record,) = (package.parent / "cache" / "files").glob("*.json")
    record.write_text('{"p.go": [1, 2, 3, 4, "zz", false, false]}')
    sources, snapshots = listed(package)
    assert was_read(snapshots, str(package / "p.go")) and sources[str(package / "p.go")] == SOURCE


def test_a_file_is_stat_ed_once_a_run(package, monkeypatch):
    """go list's step (is it generated?) and the listing ask for the same stat: one os.stat serves both."""
    path = str(package / "p.go")
    listed(package)
    stat, asked = os.stat, []
    monkeypatch.setattr(files.os, "stat", lambda p, *a, **k: asked.append(p) or stat(p, *a, **k))
    memory = files.Memory(cache.remembered)
    assert not memory.generated(path)
    sources, _ = files.listed(str(package), files.Snapshots(), {}, memory)
    assert list(sources) == [path] and asked == [path]
