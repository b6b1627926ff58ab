"""relocated.py: range-over-func relocation read from the cache only while everything relocate reads is as
it was (the package's escapes and files, its toolchain, gorewrite's code, the std iterators' source), and
computed where anything moved: the cache never gives a stale answer. --no-cache bypasses it.

The library is a real `Standard` over a GOROOT in tmp_path (the toolchain only answers `go env GOROOT`).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import module
from test_rangefunc import CHUNK, FOR, GO, INLINED, PATH, REPRO, SOURCE

from gorewrite import pipeline, rangefunc, relocated
from gorewrite.escapes import Escape
from gorewrite.files import Sources
from gorewrite.iterators import Standard
from gorewrite.options import Options
from gorewrite.pipeline import analyse
from gorewrite.rules import RULES

ESCAPES = (
    Escape(PATH, *FOR, INLINED),
    Escape(PATH, *FOR, "moved to heap: line"),
    Escape(PATH, *FOR, "make([]byte, 100) escapes to heap"),
    Escape(PATH, 3, 40, "leaking param: w"),
)
# The iterator with a make of its own, printed as the body's is: its message stays at the `for`.
CLASHING = CHUNK.replace(b"end := min(", b"_ = make([]byte, 100)\n\t\t\tend := min(")
MOVED = [(5, 7, "moved to heap: line"), (7, 14, "make([]byte, 100) escapes to heap")]  # where the body says them


class Goroot:
    """Enough of a Toolchain for Standard: `go env GOROOT` answers the given directory, and counts."""

    def __init__(self, root: Path) -> None:
        self.root, self.asked = root, 0
        self.go, self.env = str(root / "bin" / "go"), {}  # located never ran it: go env is asked

    def run(self, args: list[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
        assert args == ["env", "GOROOT"]
        self.asked += 1
        return subprocess.CompletedProcess(args, 0, f"{self.root}\n".encode(), b"")


class Counting:
    """rangefunc.relocate, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return rangefunc.relocate(*args)


@pytest.fixture
def counting(tmp_path, monkeypatch):
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path / "cache"))
    relocate = Counting()
    monkeypatch.setattr(relocated, "relocate", relocate)
    return relocate


def goroot(tmp_path: Path, name: str = "go", chunk: bytes = CHUNK) -> Standard:
    folder = tmp_path / name / "src" / "slices"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "iter.go").write_bytes(chunk)
    return Standard(Goroot(tmp_path / name), "/m")


def run(library: Standard, escapes=ESCAPES, source: str = SOURCE, version: str = "go1.27.3", use: bool = True):
    """The relocated escapes as (line, col, message) of PATH's, the notes' reasons, and what was stored."""
    relocations = relocated.Relocations(use)
    found, notes = relocations(escapes, Sources({PATH: source.encode()}), (PATH,), library, version)
    uncached, told = rangefunc.relocate(escapes, {PATH: source.encode()}.get, (PATH,), library)
    assert (found, notes) == (uncached, told)  # the cache answers what relocate does
    return [(e.line, e.col, e.message) for e in found[1:3]], relocations.stored


def test_same_inputs_are_read_from_the_cache(counting, tmp_path):
    library = goroot(tmp_path)
    assert run(library) == (MOVED, True) and counting.calls == 1
    assert run(goroot(tmp_path)) == (MOVED, False) and counting.calls == 1  # another run, nothing moved


@pytest.mark.parametrize(
    "changed",
    [
        {"source": SOURCE.replace("var line bytes.Buffer", "var line, other bytes.Buffer")},  # the package's file
        {"escapes": (*ESCAPES[:2], Escape(PATH, *FOR, "make([]byte, 100) does not escape"), *ESCAPES[3:])},
        {"escapes": (*ESCAPES, Escape(PATH, 9, 1, "can inline Render"))},  # any line of the package's
        {"version": "go1.24.11"},  # another toolchain
    ],
)
def test_what_the_package_says_or_holds_makes_a_new_entry(counting, tmp_path, changed):
    run(goroot(tmp_path))
    _, stored = run(goroot(tmp_path), **changed)
    assert stored and counting.calls == 2


def test_an_edited_std_iterator_is_read_again(counting, tmp_path):
    """The iterator's own code now holds the body's make: go may print its message for it, so it stays."""
    run(goroot(tmp_path))
    found, stored = run(goroot(tmp_path, chunk=CLASHING))
    assert found == [MOVED[0], (*FOR, MOVED[1][2])] and stored and counting.calls == 2
    run(goroot(tmp_path, chunk=CLASHING))
    assert counting.calls == 2


def test_another_goroot_is_read_again(counting, tmp_path):
    """Same release, another installation: its std is read from where it is, not trusted to be the same."""
    run(goroot(tmp_path))
    found, stored = run(goroot(tmp_path, "other", CLASHING))
    assert found == [MOVED[0], (*FOR, MOVED[1][2])] and stored and counting.calls == 2


def test_no_cache_computes_and_stores_nothing(counting, tmp_path):
    run(goroot(tmp_path))
    assert run(goroot(tmp_path), use=False) == (MOVED, False) and counting.calls == 2
    assert len(list((tmp_path / "cache" / "relocated").iterdir())) == 1


def test_a_package_without_a_loop_body_is_not_stored(counting, tmp_path):
    library = goroot(tmp_path)
    plain = [e for e in ESCAPES if e.message != INLINED]
    relocations = relocated.Relocations()
    assert relocations(plain, Sources({PATH: SOURCE.encode()}), (PATH,), library, "go1.27.3") == (plain, [])
    assert not relocations.stored and not (tmp_path / "cache" / "relocated").exists()
    assert library.toolchain.asked == 0  # nor GOROOT asked for


def test_a_file_edited_during_the_run_stores_nothing(counting, tmp_path):
    """The key names the remembered digest; relocate read other bytes: nothing is stored under it."""
    path = tmp_path / "r.go"
    path.write_text(SOURCE)
    sources = Sources(snapshots={str(path): type("Snap", (), {"content": SOURCE.encode()})()})
    sources.add(str(path), facts=(b"\0" * 32, False))  # remembered from another content
    escapes = [e._replace(path=str(path)) for e in ESCAPES]
    relocations = relocated.Relocations()
    relocations(escapes, sources, (str(path),), goroot(tmp_path), "go1.27.3")
    assert sources.changed and not relocations.stored


def test_a_damaged_entry_is_computed_again(counting, tmp_path):
    run(goroot(tmp_path))
    (entry,) = (tmp_path / "cache" / "relocated").glob("*.json")
    damages = [b'{"library": {}, "notes": [[1, 2', b'{"library": {}, "notes": [["/m/r.go", 4]]}', b"[]", b"[" * 100000]
    damages.append(b'{"library": {}, "notes": [["/m/r.go", 4, 1, "x", "abcd", "why", []]]}')  # `to` no escape
    damages.append(b'{"library": {}, "notes": [["/m/r.go", "4", 1, "x", null, "why", []]]}')  # a line no int
    for damage in damages:
        entry.write_bytes(damage)
        assert run(goroot(tmp_path))[0] == MOVED
    assert counting.calls == 1 + len(damages)


def test_a_warm_analysis_moves_what_a_first_one_did(tmp_path, monkeypatch, toolchain):
    """With a real go: the std iterators' loops of test_rangefunc's repro, analysed three times (the cache
    filled, read, bypassed): the same sites, the same notes, and the second run relocates nothing."""
    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path / "cache"))
    root = module(tmp_path / "m", {"r/r.go": REPRO.replace("{name}", "r")}, go=GO)
    relocate = Counting()
    monkeypatch.setattr(relocated, "relocate", relocate)
    runs = []
    for use in (True, True, False):
        run, _, _ = analyse([toolchain], ["./..."], str(root), list(RULES.values()), Options(cache=use))
        runs.append((run.sites, list(run.relocations), relocate.calls))
    assert runs[0][:2] == runs[1][:2] == runs[2][:2]
    assert any(n.to is not None for n in runs[0][1])  # something moved from a `for`
    assert [calls for _, _, calls in runs] == [1, 1, 2]  # read back on the second run
    assert len(list((tmp_path / "cache" / "relocated").glob("*.json"))) == 1


def test_only_a_go_installation_gives_the_std_root(tmp_path, toolchain):
    """adv36c: a user's module may call itself `std`; the folder above it is then no GOROOT, and go is asked."""
    goroot = subprocess.run([toolchain.go, "env", "GOROOT"], capture_output=True, text=True, check=True).stdout.strip()
    assert pipeline._is_goroot(goroot)
    (tmp_path / "src").mkdir()
    assert not pipeline._is_goroot(str(tmp_path))
    (tmp_path / "src" / "go.mod").write_text("module std2\n")
    assert not pipeline._is_goroot(str(tmp_path))
