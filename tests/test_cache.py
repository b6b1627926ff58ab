"""The rules' findings cache: a hit gives what `find` gave, and anything find may read makes a new entry."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace

import pytest
from conftest import ROOT, gorewrite

from gorewrite import cache
from gorewrite.escapes import Escape
from gorewrite.packages import Package
from gorewrite.proposals import Candidate, PackageView, Rule

PATH = "/src/p/p.go"
SOURCE = b"package p\n\nfunc F() *int {\n\tx := 1\n\treturn &x\n}\n"
MOVED = Escape(PATH, 4, 2, "moved to heap: x")
PACKAGE = Package("example.com/p", "p", "/src/p", None, "1.22", (PATH,), frozenset({PATH}), {}, (), False, None)


def view(source: bytes = SOURCE, escapes: tuple[Escape, ...] = (MOVED,), budget: int = 256) -> PackageView:
    return PackageView(
        PACKAGE, {PATH: source}, escapes, by_toolchain={"go1.27.3": escapes}, options={"stack-budget": budget}
    )


class Counting:
    """A rule's find that says how often it ran: one candidate per heap escape."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, v: PackageView) -> list[Candidate]:
        self.calls += 1
        return [
            Candidate(
                "counting",
                e,
                e.path,
                (0, len(v.sources[e.path])),
                also=((e.path, 1, 2),),  # a callee's range the rule reads with types
                declined=None if e.line % 2 else "screened",
            )
            for e in v.escapes
            if e.heap
        ]


@pytest.fixture
def counting(tmp_path, monkeypatch):
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path))
    find = Counting()
    return find, Rule("counting", "counts", ("moved to heap: x",), find=find, propose=lambda v, c: [])


def test_a_hit_gives_the_same_candidates_without_running_find(counting):
    find, rule = counting
    first, computed = cache.find(view(), [rule])
    again, recomputed = cache.find(view(), [rule])
    expected = Candidate("counting", MOVED, PATH, (0, len(SOURCE)), also=((PATH, 1, 2),), declined="screened")
    assert (first, computed) == ([expected], True)
    assert (again, recomputed) == (first, False)
    assert find.calls == 1


@pytest.mark.parametrize(
    "changed",
    [
        view(source=SOURCE + b"\n"),
        view(escapes=(MOVED._replace(line=5),)),
        view(escapes=(MOVED, Escape(PATH, 5, 9, "&x escapes to heap"))),
        view(budget=64),
        replace(view(), by_toolchain={"go1.24.11": (MOVED,)}),
        replace(view(), package=replace(PACKAGE, rewritable=frozenset())),
    ],
    ids=["source", "escape line", "another escape", "rule option", "toolchain", "package"],
)
def test_anything_find_reads_makes_a_new_entry(counting, changed):
    find, rule = counting
    cache.find(view(), [rule])
    cache.find(changed, [rule])
    assert find.calls == 2


def test_no_cache_neither_reads_nor_writes(counting, tmp_path):
    find, rule = counting
    cache.find(view(), [rule], use=False)
    cache.find(view(), [rule], use=False)
    assert find.calls == 2
    assert not (tmp_path / "find").exists()


def test_a_damaged_entry_is_computed_again(counting, tmp_path):
    find, rule = counting
    cache.find(view(), [rule])
    (entry,) = (tmp_path / "find").glob("*.json")
    entry.write_bytes(b'[["counting", "/src/p/p.go"')
    assert cache.find(view(), [rule]) == (cache.find(view(), [rule], use=False)[0], True)
    assert not list((tmp_path / "find").glob(".*.tmp"))


def test_prune_keeps_the_most_recently_used(tmp_path, monkeypatch):
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path))
    folder = tmp_path / "find"
    folder.mkdir()
    for age in range(10):
        entry = folder / f"{age}.json"
        entry.write_bytes(b"x" * 100)
        os.utime(entry, (1000 - age, 1000 - age))
    cache.prune(limit=500)
    assert sorted(p.name for p in folder.glob("*.json")) == ["0.json", "1.json", "2.json"]


def test_a_folder_is_scanned_at_most_once_per_period(tmp_path, monkeypatch):
    """Every run that stored an entry prunes, and a full folder holds ~60k entries (1-3 s to stat all):
    a second prune within cache.EVERY seconds leaves the folder as it is, one after it prunes again."""
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path))
    folder = tmp_path / "find"
    folder.mkdir()
    for name in "abcd":
        (folder / f"{name}.json").write_bytes(b"x" * 300)
    cache.prune(limit=1000)
    assert len(list(folder.glob("*.json"))) == 2
    for name in "ef":
        (folder / f"{name}.json").write_bytes(b"x" * 300)
    cache.prune(limit=1000)
    assert len(list(folder.glob("*.json"))) == 4
    os.utime(folder / ".pruned", (time.time() - cache.EVERY - 1,) * 2)
    cache.prune(limit=1000)
    assert len(list(folder.glob("*.json"))) == 2
    for name in "gh":  # a marker from the future (clock skew, a restored cache) does not stop pruning for good
        (folder / f"{name}.json").write_bytes(b"x" * 300)
    os.utime(folder / ".pruned", (time.time() + 10 * cache.EVERY,) * 2)
    cache.prune(limit=1000)
    assert len(list(folder.glob("*.json"))) == 2


def test_the_key_is_the_same_in_every_process():
    """Python salts its string hashes per process: a set's order must not reach the key."""
    script = (
        "from test_cache import view, PACKAGE; from dataclasses import replace; from gorewrite import cache; "
        "v = view(); v.package = replace(PACKAGE, rewritable=frozenset(f'/src/p/{i}.go' for i in range(20))); "
        "print(cache.key(v, []))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert len(keys) == 1


@pytest.mark.parametrize("command", [["check"], ["fix", "--dry-run"]])
def test_same_answers_with_and_without_the_cache(command, tmp_path):
    """The example module's report, byte for byte: a run filling the cache, one reading it, and --no-cache."""
    example, env = ROOT / "examples" / "logship", {"GOREWRITE_CACHE": str(tmp_path)}
    filled, hit = (gorewrite(*command, "--format", "json", cwd=example, env=env) for _ in range(2))
    bypassed = gorewrite(*command, "--format", "json", "--no-cache", cwd=example, env=env)
    assert filled.returncode == hit.returncode == bypassed.returncode, filled.stderr
    assert filled.stdout == hit.stdout == bypassed.stdout
    assert '"verified"' in filled.stdout or command == ["check"]
    assert len(list((tmp_path / "find").glob("*.json"))) == 3  # one per package with escapes


def test_gorewrite_s_files_are_hashed_once_a_run_and_each_rule_set_gets_its_digest():
    """The findings key asks code(rules), relocation code(): both from one read of gorewrite's files."""
    cache.code.cache_clear()
    cache._installed.cache_clear()
    digests = {cache.code(names) for names in [(), ("make-const",), ("closure", "make-const")]}
    assert len(digests) == 3
    assert cache._installed.cache_info().misses == 1


def test_a_relative_xdg_cache_home_is_ignored(tmp_path, monkeypatch):
    """The XDG spec: a relative path is invalid. Taken as given, the helper and the entries went into whatever
    directory gorewrite ran in, the user's module (review adv41a)."""
    monkeypatch.delenv("GOREWRITE_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert cache.directory() == tmp_path / ".cache" / "gorewrite"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == tmp_path / "xdg" / "gorewrite"
