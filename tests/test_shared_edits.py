"""Shared edits: two fixes of one file adding the same import make one edit between them, so both apply in
one run (a pre-commit hook runs once); the same statement inserted by two fixes at one point stays two."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from conftest import in_process, module

from gorewrite.edits import Edit, EditConflict, apply, conflicts
from gorewrite.rulekit import add_import
from gorewrite.syntax import parse

# sync-pool-notify's expo.go: two pools, each adding `import "sync"` at the same point of the file.
EXPO = """package notify

import (
	"bufio"
	"fmt"
	"io"
)

// Exposition writes every line through a 64 KiB bufio.Writer.
func Exposition(w io.Writer, lines []string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for _, l := range lines {
		if _, err := fmt.Fprintln(bw, l); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ScrapeLines counts the sample lines of an exposition read from r.
func ScrapeLines(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) > 0 && line[0] != '#' {
			n++
		}
	}
	return n, sc.Err()
}
"""


def test_two_pools_adding_the_sync_import_to_one_file_apply_in_one_run(tmp_path):
    """Before shared edits the scanner's pool waited a run for the bufio.Writer's (their imports overlapped)."""
    root = module(tmp_path, {"notify/expo.go": EXPO})
    run = in_process("fix", "--format", "json", "./...", cwd=root)
    assert run.returncode == 0, run.stderr
    outcomes = json.loads(run.stdout)["outcomes"]
    assert [(o["line"], o["status"]) for o in outcomes] == [(11, "verified"), (23, "verified")], outcomes
    written = (root / "notify" / "expo.go").read_text()
    assert written.count('"sync"') == 1 and written.count("sync.Pool{") == 2, written
    vet = subprocess.run(["go", "vet", "./..."], cwd=root, capture_output=True, text=True)
    assert vet.returncode == 0, vet.stderr


P = "/m/main.go"
TWICE = b'package main\n\nimport "fmt"\n\nfunc main() {\n\tn := 0\n\tfmt.Println(n)\n}\n'


def _printed(toolchain, tmp_path, source: bytes) -> str:
    (tmp_path / "main.go").write_bytes(source)
    run = subprocess.run([toolchain.go, "run", "main.go"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_a_statement_two_fixes_insert_at_one_point_is_not_shared(toolchain, tmp_path):
    """Each fix's `n++` must run: the two conflict (one waits a run), and applied together both stay. The naive
    merge (identical edits count once, shared or not) drops one, and the program prints 1 instead of 2."""
    at = TWICE.index(b"\tfmt.Println")
    first, second = Edit(P, at, at, b"\tn++\n"), Edit(P, at, at, b"\tn++\n")
    assert conflicts([first], [second])
    assert _printed(toolchain, tmp_path, apply(TWICE, [first, second])) == "2\n"
    naive = [dataclasses.replace(e, shared=True) for e in (first, second)]
    assert not conflicts(naive[:1], naive[1:])
    assert _printed(toolchain, tmp_path, apply(TWICE, naive)) == "1\n"


def test_a_shared_import_two_fixes_add_is_one_import(toolchain, tmp_path):
    source = TWICE.replace(b'import "fmt"', b'import (\n\t"fmt"\n)')
    at = source.index(b"(") + 1
    sync = Edit(P, at, at, b'\n\t"sync"', shared=True)
    use = source.index(b"\tfmt.Println")
    pools = [
        Edit(P, use, use, b"\tvar a sync.Mutex\n\ta.Lock()\n"),
        Edit(P, use, use, b"\tvar b sync.Mutex\n\tb.Lock()\n"),
    ]
    assert not conflicts([sync], [sync])
    assert conflicts([sync], [Edit(P, at, at, b'\n\t"sync"')])  # a copy not marked shared is no copy of it
    assert _printed(toolchain, tmp_path, apply(source, [sync, pools[0], sync, pools[1]])) == "0\n"


def test_add_import_is_shared_whatever_the_files_imports_look_like():
    """A group, a single spec, no import at all: each of add_import's three edits is marked shared (an unmarked one
    would keep the second fix waiting a run)."""
    for imports in ('import (\n\t"io"\n)\n', 'import "io"\n', ""):
        source = f"package p\n\n{imports}\nvar x = 1\n".encode()
        edits = _add(source, "sync")
        assert all(e.shared for e in edits), imports
        assert apply(source, [*edits, *edits]).count(b'"sync"') == 1, imports


def _add(source: bytes, *packages: str) -> list[Edit]:
    view = SimpleNamespace(tree=lambda _path: parse(source))
    return [e for package in packages for e in add_import(view, P, package)]


ONE_SPEC = b'package main\n\nimport "fmt" // printing\n\nfunc main() {\n\tfmt.Println(1)\n}\n'


def test_imports_added_to_a_one_spec_declaration_by_one_fix_or_several_apply_together(toolchain, tmp_path):
    """sync-pool's bufio.Writer pool adds io and sync to a file whose imports are one `import "x"`: lead rewrote
    that declaration once per import, and the fix was rejected with "edits overlap" (the mutant below). Now each
    import is an insertion before the spec inside a group two shared insertions make, so one fix's two imports
    apply, and a second fix adding sync (or bytes) to the file shares them without waiting a run."""
    first, second, third = _add(ONE_SPEC, "io", "sync"), _add(ONE_SPEC, "sync"), _add(ONE_SPEC, "bytes")
    assert not conflicts(first, second) and not conflicts(first, third)
    new = toolchain.gofmt(apply(ONE_SPEC, [*first, *second, *third]))
    assert b'import (\n\t"bytes"\n\t"fmt" // printing\n\t"io"\n\t"sync"\n)\n' in new, new
    uses = new.replace(b"fmt.Println(1)", b"fmt.Println(1, io.EOF != nil, bytes.MinRead, sync.Mutex{} == sync.Mutex{})")
    assert _printed(toolchain, tmp_path, uses) == "1 true 512 true\n"
    declaration = (ONE_SPEC.index(b"import"), ONE_SPEC.index(b'"fmt"') + 5)
    lead = [Edit(P, *declaration, b'import (\n\t"fmt"\n\t"%s"\n)' % p.encode(), shared=True) for p in ("io", "sync")]
    assert conflicts(lead[:1], lead[1:])
    with pytest.raises(EditConflict, match="edits overlap"):
        apply(ONE_SPEC, lead)


def test_only_shared_insertions_at_one_point_go_together():
    """A statement inserted where an import is, or two shared edits that replace text, still conflict."""
    at = ONE_SPEC.index(b'"fmt"')
    (_, sync, _) = _add(ONE_SPEC, "sync")
    assert conflicts([sync], [Edit(P, at, at, b'"io"\n\t')])  # not shared: not an import added
    assert conflicts([Edit(P, at, at + 5, b'"io"', shared=True)], [Edit(P, at, at + 5, b'"os"', shared=True)])


def test_a_pool_adding_io_and_sync_to_a_one_spec_file_is_applied_in_one_run(tmp_path):
    root = module(tmp_path, {"lines/lines.go": SINK, "lines/lines_test.go": SINK_TEST})
    run = in_process("fix", "--format", "json", "./...", cwd=root)
    assert run.returncode == 0, run.stderr
    outcomes = json.loads(run.stdout)["outcomes"]
    assert [(o["line"], o["rule"], o["status"]) for o in outcomes] == [(16, "sync-pool", "verified")], outcomes
    test = subprocess.run(["go", "test", "./..."], cwd=root, capture_output=True, text=True)
    assert test.returncode == 0, test.stdout + test.stderr


SINK = """// Package lines counts what it writes through a buffered writer.
package lines

import "bufio"

// Sink counts the bytes written to it.
type Sink struct{ N int }

func (s *Sink) Write(p []byte) (int, error) {
	s.N += len(p)
	return len(p), nil
}

// Emit writes every line to s through a 4 KiB buffer.
func Emit(s *Sink, lines []string) error {
	bw := bufio.NewWriter(s)
	for _, l := range lines {
		if _, err := bw.WriteString(l); err != nil {
			return err
		}
	}
	return bw.Flush()
}
"""
SINK_TEST = """package lines

import "testing"

func TestEmit(t *testing.T) {
	var s Sink
	if err := Emit(&s, []string{"ab", "cde"}); err != nil || s.N != 5 {
		t.Fatal(s.N, err)
	}
}
"""


def test_a_shared_edit_comes_back_from_the_proposal_cache_shared(tmp_path, monkeypatch):
    """A `fix` after a `check` reads its proposals from the cache: a flag lost there would make the second fix
    wait a run again."""
    from gorewrite import proposal_cache
    from gorewrite.escapes import Escape
    from gorewrite.proposals import Fix

    monkeypatch.setenv("GOREWRITE_CACHE", str(tmp_path))
    site = Escape(P, 3, 7, "moved to heap: buf")
    edits = (Edit(P, 9, 9, b'\n\t"sync"', shared=True), Edit(P, 20, 20, b"\tn++\n"))
    proposal_cache.write("entry", [Fix("sync-pool", edits, (site,), "pooled", "safe")])
    assert [e.shared for e in proposal_cache.read("entry")[0].edits] == [True, False]


CGO = b"""package main

// static int answer(void) { return 42; }
import "C"

func main() {
	println(int(C.answer()))
}
"""


@pytest.mark.skipif(shutil.which(os.environ.get("CC", "gcc")) is None, reason="cgo needs a C compiler")
def test_an_import_added_beside_import_c_keeps_cgos_preamble(toolchain, tmp_path):
    """cgo reads the preamble from the comment right above `import "C"`: a group holding "C" has none, so C.answer
    is undefined (the mutant below, the one-spec group every other lone import becomes). add_import declares the
    new import on its own line after it."""
    uses = b"fmt.Println(int(C.answer()))"
    new = apply(CGO, _add(CGO, "fmt")).replace(b"println(int(C.answer()))", uses)
    assert b'// static int answer(void) { return 42; }\nimport "C"\n' in new, new
    assert _cgo_run(toolchain, tmp_path, new) == (0, "42\n")
    keyword, spec = CGO.index(b"import") + len(b"import"), CGO.index(b'"C"')
    grouped = [Edit(P, keyword, keyword, b" ("), Edit(P, spec, spec, b'"fmt"\n\t'), Edit(P, spec + 3, spec + 3, b"\n)")]
    code, _ = _cgo_run(toolchain, tmp_path, apply(CGO, grouped).replace(b"println(int(C.answer()))", uses))
    assert code != 0


def _cgo_run(toolchain, tmp_path, source: bytes) -> tuple[int, str]:
    (tmp_path / "main.go").write_bytes(source)
    env = {**os.environ, "CGO_ENABLED": "1"}
    run = subprocess.run([toolchain.go, "run", "main.go"], cwd=tmp_path, capture_output=True, text=True, env=env)
    return run.returncode, run.stdout
