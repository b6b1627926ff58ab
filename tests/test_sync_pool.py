"""sync-pool's contract with the verifier, with a real go: what moves into the pool must be
declared (MovesAllocation), the package's tests run without --verify (Tested), the -m=2 flows
reach the rule, and inserting a declaration does not confuse the verifier's declaration keys."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil

import pytest
from conftest import GOLDEN, module, one_test_binary, proposals, releases, write_tree
from test_golden import golden_run

from gorewrite import claims
from gorewrite.claims import moved, needs_tests
from gorewrite.flows import compile_flows
from gorewrite.pipeline import fix
from gorewrite.proposals import Fix
from gorewrite.rules import RULES
from gorewrite.syntax import parse
from gorewrite.verify import Rejected, Verified
from gorewrite.verify.decls import declarations
from gorewrite.verify.gocmd import read_test_json

RULE = RULES["sync-pool"]

CODE = """package scratch

// Sum joins the parts into a 1 MiB scratch buffer and sums it.
func Sum(parts []string) int {
	buf := make([]byte, 0, 1<<20)
	for _, p := range parts {
		buf = append(buf, p...)
	}
	n := 0
	for _, b := range buf {
		n += int(b)
	}
	return n
}
"""

TEST = """package scratch

import "testing"

func TestSum(t *testing.T) {
	if Sum([]string{"\\x01", "\\x02"}) != 3 {
		t.Fatal("wrong sum")
	}
}
"""

# A test that fails whatever the code: sync-pool's verification must run it without --verify tests.
# (One that pins the allocation count cannot serve: this rule's tests run with -race, where
# sync.Pool drops some Puts at random and AllocsPerRun no longer tells the versions apart.)
PINNED = (
    TEST
    + """
func TestPinned(t *testing.T) {
	t.Fatal("pinned: this package's tests fail")
}
"""
)


def _module(tmp_path, test: str):
    return write_tree(
        tmp_path, {"go.mod": "module example.com/scratch\n\ngo 1.22\n", "sum.go": CODE, "sum_test.go": test}
    )


def test_the_rewrite_is_verified_with_the_packages_tests(tmp_path, toolchain):
    run = fix([toolchain], ["./..."], str(_module(tmp_path, TEST)), [RULE])
    (verdict,) = run.verdicts
    assert isinstance(verdict, Verified), verdict
    assert needs_tests(verdict.fix.claim)
    assert moved(verdict.fix.claim) == ("new([1048576]byte) escapes to heap",)


def test_tests_run_without_verify_tests(tmp_path, toolchain):
    """No --verify flag: the fix's claim makes the verifier run go test, which fails."""
    run = fix([toolchain], ["./..."], str(_module(tmp_path, PINNED)), [RULE])
    (verdict,) = run.verdicts
    assert isinstance(verdict, Rejected) and "go test fails" in verdict.reason, verdict
    assert not run.changes


def test_an_undeclared_move_is_a_new_escape(tmp_path, toolchain):
    """Without MovesAllocation, the allocation in the pool's New is what it is: a heap escape the fix added."""

    def without_moves(view, candidates):
        return [
            dataclasses.replace(p, claim=claims.Tested(claims.RemovesTargets())) if isinstance(p, Fix) else p
            for p in RULE.propose(view, candidates)
        ]

    rule = dataclasses.replace(RULE, propose=without_moves)
    run = fix([toolchain], ["./..."], str(_module(tmp_path, TEST)), [rule])
    (verdict,) = run.verdicts
    # By count, the moved allocation stands for the target: the verifier sees it still there, and names it
    # as the compiler wrote it, not by the kind it counts (probe35b: "`<expression> escapes to heap`").
    reason = "the compiler still reports `make([]byte, 0, 1048576) escapes to heap`"
    assert isinstance(verdict, Rejected) and reason in verdict.reason, verdict


# sprig declares `func any(v ...interface{}) bool`: a pool spelt `New: func() any` no longer compiles there (real42).
SHADOWED_ANY = """package render

import (
	"bytes"
	"encoding/json"
	"strings"
)

// any reports whether some value is not nil.
func any(v ...interface{}) bool {
	for _, x := range v {
		if x != nil {
			return true
		}
	}
	return false
}

// Raw encodes v as JSON without escaping HTML.
func Raw(v interface{}) (string, error) {
	buf := new(bytes.Buffer)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\\n"), nil
}
"""


def test_a_package_whose_any_is_a_function_gets_a_pool_of_interface(tmp_path, toolchain):
    root = write_tree(tmp_path, {"go.mod": "module example.com/render\n\ngo 1.22\n", "render.go": SHADOWED_ANY})
    run = fix([toolchain], ["./..."], str(root), [RULE])
    (verdict,) = run.verdicts
    assert isinstance(verdict, Verified), verdict
    (changed,) = run.changes.values()
    assert "func() interface{} { return new(bytes.Buffer) }" in changed.decode()


def test_flows_name_the_reason_per_site(toolchain):
    flows = compile_flows(toolchain, ["example.com/golden/syncpool/append_buffer"], str(GOLDEN / "sync-pool"))
    (sites,) = flows.values()
    path = str(GOLDEN / "sync-pool" / "append_buffer" / "frame.go")
    assert any("(too large for stack)" in line for line in sites[(path, 7, 13)])


def test_an_inserted_var_declaration_keeps_the_others_keys():
    before = parse(b"package p\n\nvar a = 1\n\nfunc f() {}\n\nvar b = 2\n")
    after = parse(b"package p\n\nvar a = 1\n\nvar pool = 3\n\nfunc f() {}\n\nvar b = 2\n")
    old = {d.key for d in declarations(before)}
    new = {d.key for d in declarations(after)}
    assert new - old == {("var_declaration", b"pool", None, 0)}


# --- a scratch []byte: its uses and the compiler's flow must both name io's Read and Write ---

SCRATCH = """package scratch

import "io"

// Relay copies one read of r to w through a 4 KiB buffer.
func Relay(w io.Writer, r io.Reader) error {
	buf := make([]byte, 4096)
	n, err := r.Read(buf)
	w.Write(buf[:n])
	return err
}
"""


def _with_flows(edit):
    """sync-pool, with each -m=2 line of every toolchain's flows passed through `edit` before it proposes."""

    def propose(view, candidates):
        view.flows = {v: {k: tuple(map(edit, lines)) for k, lines in sites.items()} for v, sites in view.flows.items()}
        return RULE.propose(view, candidates)

    return dataclasses.replace(RULE, propose=propose)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda line: line, None),
        # The compiler names another reason for the heap: the uses analysis alone does not suffice.
        (lambda line: line.replace("(spill)", "(address-of)"), "says `from make([]byte, 4096) (address-of)"),
        # ... or a call where the buffer is not an argument (here: the line above the Read).
        (lambda line: re.sub(r"go:8:(\d+)$", r"go:7:\1", line), "which neither io's contracts nor the std table cover"),
        (lambda line: "", "gave no -m=2 flow through a call"),
        # A step gorewrite cannot read (no line and column) is not skipped.
        (
            lambda line: re.sub(r"\(spill\) at .*relay\.go:7:13$", "(spill) at <autogenerated>:1", line),
            "gave no -m=2 flow",
        ),
    ],
    ids=["as compiled", "another reason", "another call", "no flow", "an unreadable step"],
)
def test_a_scratch_buffer_is_pooled_only_where_its_flow_names_an_io_call(tmp_path, edit, expected):
    (results,) = proposals(module(tmp_path, {"relay.go": SCRATCH}), _with_flows(edit), list(releases())).values()
    (result,) = results
    if expected is None:
        assert isinstance(result, Fix), result
        assert "relies on io.Reader's contract not to retain p and io.Writer's" in result.summary
    else:
        assert not isinstance(result, Fix) and expected in result.reason, result


INLINED_CALLS = """package crcscan

import (
	"hash/crc32"
	"io"
)

// Sum checksums r's first n bytes, read in 4 KiB chunks.
func Sum(r io.Reader, n int64) (uint32, error) {
	buf := make([]byte, 4096)
	crc := crc32.NewIEEE()
	for n > 0 {
		k := min(n, int64(len(buf)))
		m, err := io.ReadFull(r, buf[:k])
		if err != nil {
			return 0, err
		}
		crc.Write(buf[:m])
		n -= int64(m)
	}
	return crc.Sum32(), nil
}
"""


def test_a_flow_through_an_io_call_the_compiler_inlined_names_that_call(tmp_path):
    """go1.24.11 inlines crc.Write (a *crc32.digest's) and go1.27.3 io.ReadFull where they are called: the
    flow binds their parameters there (`crc32.d, crc32.p := crc.(*crc32.digest), buf[:m] (assign-pair)`) and
    prints their bodies' steps at the same call. The call is io.Writer's Write (io.ReadFull): its contract
    (the table) covers what it does inside (probe29a B3, declined as "neither io's contracts nor…" before)."""
    (results,) = proposals(module(tmp_path, {"crc.go": INLINED_CALLS}), RULE, list(releases())).values()
    (result,) = results
    assert isinstance(result, Fix), result


def test_a_parameter_bound_at_a_call_the_contracts_do_not_cover_is_declined(tmp_path):
    """A binding step (`assign-pair`) where the relay declares its buffer, which is no call at all."""

    def edit(line: str) -> str:
        return re.sub(r"\(assign\) at (\S+):7:6$", r"(assign-pair) at \1:7:6", line)

    (results,) = proposals(module(tmp_path, {"relay.go": SCRATCH}), _with_flows(edit), list(releases())).values()
    (result,) = results
    assert not isinstance(result, Fix) and "(assign-pair)" in result.reason, result


def test_only_a_byte_slice_handed_to_read_write_or_copybuffer_is_compiled_for_its_flow(tmp_path):
    """The -m=2 compile is costly: a scratch-sized []byte that no Read, Write or CopyBuffer call gets
    cannot rest on io's contracts, and is declined as fitting the stack without asking for its flow."""
    kept = SCRATCH + "\nvar kept []byte\n\nfunc Keep() {\n\tbuf := make([]byte, 4096)\n\tkept = buf[:8]\n}\n"
    asked = {}

    def flows(view, candidate):
        asked[candidate.escape.line] = RULE.flows(view, candidate)
        return asked[candidate.escape.line]

    (results,) = proposals(module(tmp_path, {"relay.go": kept}), dataclasses.replace(RULE, flows=flows)).values()
    assert asked == {7: True, 16: False}, asked
    assert any("it fits the stack (4096 bytes)" in getattr(r, "reason", "") for r in results), results


# --- buffers that escape through calls: the naive pool each decline case must not become ------

NAIVE_POOL = """package {package}

import (
	"bytes"
	"sync"
)

var naivePool = sync.Pool{{New: func() any {{ return new(bytes.Buffer) }}}}
"""
SITE = re.compile(
    r"^(\t+)(?:(\w+) := (?:new\(bytes\.Buffer\)|bytes\.NewBuffer\(\w*\))|var (\w+) bytes\.Buffer)"
    r"[^\n]*// declined[^\n]*$",
    re.M,
)
# Each must-decline buffer case, pooled anyway: Get, and a deferred Reset and Put.
NAIVE = {
    "decline_buffer_bytes": "pool",
    "decline_buffer_field": "pool",
    "decline_buffer_channel": "pool",
    "decline_buffer_goroutine": "pool",
    "decline_buffer_keeper": "pool",
    "decline_buffer_interface": "pool",
    "decline_buffer_map": "pool",
    "decline_buffer_cap": "pool",
    "decline_buffer_func_value": "pool",
    "decline_buffer_deref": "pool",
    "decline_buffer_closure": "pool",
    "decline_buffer_returned": "pool",
    "decline_buffer_write_bytes": "pool",
    "decline_buffer_var_value": "pool",
    # the package's own callees, followed: each keeps the writer it is given one way
    "decline_buffer_callee_assert": "pool",
    "decline_buffer_callee_chain": "pool",
    "decline_buffer_callee_closure": "pool",
    "decline_buffer_callee_field": "pool",
    "decline_buffer_callee_goroutine": "pool",
    "decline_buffer_callee_iface": "pool",
    "decline_buffer_callee_returns": "pool",
    "decline_buffer_callee_store": "pool",
    "decline_buffer_callee_recursive": "pool",
    "decline_buffer_encoder_stored": "pool",
    "decline_buffer_copy_dst": "pool",
    "decline_buffer_literal_kept": "pool",
    # io.Writer's contract, relied on only where it holds: not for an interface of the package's own
    # with Write's shape, nor in a package that declares a Write keeping p
    "decline_buffer_own_write_iface": "pool",
    "decline_buffer_async_sink": "pool",
    "decline_buffer_generic_sink": "pool",
    "decline_buffer_append_alias": "pool",
    "decline_buffer_template_bytes": "pool",
    # Bytes() passed as an interface: boxed, the storage is the box's content (leaking param content)
    "decline_buffer_bytes_boxed": "pool",
    # a helper's WriteTo hands the storage to the package's own Write, which reads past len(p) (probe37a)
    "decline_buffer_helper_writeto": "pool",
    # NewBuffer over the caller's header: the pooled Buffer starts without it
    "decline_buffer_prefilled": "pool",
    # go/format.Source returns src itself for a blank fragment: returned, or kept in a package variable
    "decline_buffer_format_source": "pool",
    "decline_buffer_format_source_kept": "pool",
    # its cap: src itself for a blank fragment, the array an earlier, longer call grew (adv-reach49f)
    "decline_buffer_format_source_cap": "pool",
    # io.CopyBuffer panics on the pooled storage's empty slice, allocates for a fresh one's nil (adv-reach49f)
    "decline_buffer_copybuffer_empty": "pool",
    # Bytes() held in a local measured by cap: the array an earlier, longer call grew
    "decline_buffer_bytes_local_cap": "pool",
}


def _naive(source: str, how: str) -> str:
    def pooled(m: re.Match) -> str:
        indent, var = m[1], m[2] or m[3]
        return (
            f"{indent}{var} := naivePool.Get().(*bytes.Buffer)\n"
            f"{indent}defer func() {{ {var}.Reset(); naivePool.Put({var}) }}()"
        )

    rewritten, count = SITE.subn(pooled, source)
    assert count == 1, source
    var = SITE.search(source)[3]
    if var:  # a var buffer becomes the pointer: its address is the pointer, its value what it points to
        rewritten = re.sub(rf"&{var}\b", var, rewritten)
        rewritten = re.sub(rf"= {var}$", f"= *{var}", rewritten, flags=re.M)
    return rewritten


def test_every_naive_buffer_pool_fails_its_race_tests(tmp_path, toolchain):
    """`go test -race -count=50` of each case passes as written and fails once pooled naively."""
    cases = {p.name for p in (GOLDEN / "sync-pool").glob("decline_buffer_*")}
    assert cases == NAIVE.keys(), "every buffer decline case keeps its naive pool here"
    files = _naive_tree(list(NAIVE), lambda case, source: _naive(source, NAIVE[case]) if SITE.search(source) else None)
    _each_naive_pool_fails(tmp_path, toolchain, files, list(NAIVE))


def test_a_pool_whose_users_put_back_unemptied_buffers_is_not_shared(tmp_path, toolchain):
    """buffer_beside_foreign_pool: the package's bufPool gets back what Legacy wrote. The rewrite takes a pool of
    its own (golden snapshot); the naive one takes bufPool the way its users do, and Line prints Legacy's text."""
    case = "buffer_beside_foreign_pool"
    site = re.compile(r"^(\t+)(\w+) := new\(bytes\.Buffer\) // want[^\n]*$", re.M)
    snapshot = (GOLDEN / "sync-pool" / "__snapshots__" / f"{case}.diff").read_text()
    assert "+var bufferPool = sync.Pool{" in snapshot and "bufPool.Get" not in snapshot, snapshot

    def theirs(_, source: str) -> str | None:
        if not site.search(source):
            return None
        return site.sub(
            lambda m: f"{m[1]}{m[2]} := bufPool.Get().(*bytes.Buffer)\n{m[1]}defer bufPool.Put({m[2]})", source
        )

    files = _naive_tree([case], theirs)
    _each_naive_pool_fails(tmp_path, toolchain, files, [case])


# Each decline case another build compiles otherwise, with the tag of that build: decline_tagged_sink's Keeper
# keeps p there; decline_tagged_template's template is the package's own there, which asks for the Builder;
# decline_tagged_replacer's escaper is the package's own there, which keeps the writer (go/types names
# text/template's Execute and strings.Replacer's WriteString for the default build only).
TAGGED = {"decline_tagged_sink": "lowmem", "decline_tagged_template": "fasttmpl", "decline_tagged_replacer": "audit"}


@pytest.mark.parametrize("case", sorted(TAGGED))
def test_a_naive_pool_breaks_the_other_build(tmp_path, toolchain, case):
    """A rewrite holds for every build: pooled naively (a Buffer standing for a Builder), each case passes
    its tests in the default build and fails them in the build of its tag, a file the default one leaves out."""
    files = _naive_tree([case], lambda _, s: _naive(s, "pool") if SITE.search(s) else _naive_builder(s))
    write_tree(tmp_path, files)
    for tags, broken in (("", False), (TAGGED[case], True)):
        done = toolchain.run(["test", "-count=1", "-tags", tags, "-json", "./..."], str(tmp_path))
        failed = read_test_json(done.stdout).failed
        assert f"example.com/naive/orig/{case}" not in failed, failed
        assert (f"example.com/naive/naive/{case}" in failed) == broken, (tags, failed)


def _naive_tree(cases: list[str], rewrite, pool: str = "") -> dict[str, str]:
    """A module of the golden cases as written (orig/) and pooled naively (naive/): `rewrite(case,
    source)` gives a file's naive text, or None for a file with no site; each rewritten case gets
    the naive pool's file (`pool`, NAIVE_POOL by default) in its package."""
    files = {"go.mod": "module example.com/naive\n\ngo 1.22\n"}
    for case in cases:
        for go in (GOLDEN / "sync-pool" / case).glob("*.go"):
            source = go.read_text()
            files[f"orig/{case}/{go.name}"] = source
            naive = rewrite(case, source)
            files[f"naive/{case}/{go.name}"] = source if naive is None else naive
            if naive is not None:
                package = re.search(r"^package (\w+)", source, re.M)[1]
                files[f"naive/{case}/naive_pool.go"] = (pool or NAIVE_POOL).format(package=package)
        assert f"naive/{case}/naive_pool.go" in files, f"{case}: no site the naive rewrite recognises"
    return files


BUILDER_SITE = re.compile(r"^(\t+)var (\w+) strings\.Builder[^\n]*// declined[^\n]*$", re.M)


def test_every_naive_buffer_for_a_builder_fails(tmp_path, toolchain):
    """A Builder's must-decline cases, with a pooled bytes.Buffer standing for the Builder anyway
    (`&sb` becomes the pointer): each fails to build or fails its tests; as written, each passes."""
    cases = sorted(p.name for p in (GOLDEN / "sync-pool").glob("decline_builder_*"))
    assert cases, "the Builder's decline cases"
    _each_naive_pool_fails(tmp_path, toolchain, _naive_tree(cases, lambda _, source: _naive_builder(source)), cases)


def _naive_builder(source: str) -> str | None:
    site = BUILDER_SITE.search(source)
    if site is None:
        return None
    indent, var = site[1], site[2]
    pooled = (
        f"{indent}{var} := naivePool.Get().(*bytes.Buffer)\n"
        f"{indent}defer func() {{ {var}.Reset(); naivePool.Put({var}) }}()"
    )
    source = re.sub(rf"&{var}\b", var, BUILDER_SITE.sub(pooled, source))
    return source.replace("import (\n", 'import (\n\t"bytes"\n', 1)


def _each_naive_pool_fails(tmp_path, toolchain, files: dict[str, str], cases: list[str]) -> None:
    """Every case under orig/ passes its tests with -race -count=50 and its naive pool under naive/ fails
    them (a naive case stops at its first failure): all in one test binary, each case and side in its own
    process as its own binary ran it."""
    tree = write_tree(tmp_path / "tree", files)
    sides = {"orig": tree / "orig", "naive": tree / "naive"}
    run = one_test_binary(toolchain, tmp_path / "harness", sides, cases, "*", "-race")
    found = run([(c, "orig") for c in cases], "-test.count=50", isolated=True)
    found |= run(
        [(c, "naive") for c in cases], "-test.count=50", "-test.failfast", isolated=True
    )  # one failure is enough
    for case in cases:
        assert found[case, "orig"][0], found[case, "orig"][1]
        assert not found[case, "naive"][0], f"the naive pool of {case} passes its tests"


# Each must-decline []byte make, pooled anyway the way gorewrite pools one (the array zeroed after Get,
# the slice given make's length and capacity), from a pool of arrays large enough for any of them.
SCRATCH_SITE = re.compile(r"^(\t+)(\w+) := make\(\[\]byte, ([^\n]*?)\) // want[^\n]*// declined[^\n]*$", re.M)
NAIVE_ARRAY_POOL = """package {package}

import "sync"

var naiveArrays = sync.Pool{{New: func() any {{ return new([1 << 20]byte) }}}}
"""
# decline_scratch_too_small is declined for speed, not safety: its naive pool is sound.
NAIVE_SCRATCH = (
    "decline_boxed_slice",
    *sorted(p.name for p in (GOLDEN / "sync-pool").glob("decline_scratch_*") if p.name != "decline_scratch_too_small"),
)


def _naive_scratch(source: str) -> str | None:
    """The source with its declined make taken from the naive pool of arrays; None without one."""

    def pooled(m: re.Match) -> str:
        indent, var, sizes = m[1], m[2], m[3].split(", ")
        return (
            f"{indent}{var}p := naiveArrays.Get().(*[1 << 20]byte)\n{indent}defer naiveArrays.Put({var}p)\n"
            f"{indent}*{var}p = [1 << 20]byte{{}}\n{indent}{var} := {var}p[:{sizes[0]}:{sizes[-1]}]"
        )

    rewritten, count = SCRATCH_SITE.subn(pooled, source)
    return rewritten if count else None


def test_every_naive_byte_slice_pool_fails_its_race_tests(tmp_path, toolchain):
    """`go test -race -count=50` of each []byte decline case passes as written and fails once its
    slice comes from a pool naively."""
    files = _naive_tree(list(NAIVE_SCRATCH), lambda _, source: _naive_scratch(source), NAIVE_ARRAY_POOL)
    _each_naive_pool_fails(tmp_path, toolchain, files, list(NAIVE_SCRATCH))


# Each must-decline bufio Writer or Reader case, pooled anyway: Get and Reset, a deferred Reset(nil) and Put.
BUFIO_SITE = re.compile(
    r"^(\t+)(\w+) := bufio\.New(Writer|Reader)(?:Size)?\((\w+)(?:, \w+)?\)[^\n]*// declined[^\n]*$", re.M
)
# Each must-decline tabwriter case, pooled anyway: Get and Init, a deferred Init(nil, …) and Put.
TABWRITER_SITE = re.compile(r"^(\t+)(\w+) := tabwriter\.NewWriter\(([^\n]*)\) // want[^\n]*// declined[^\n]*$", re.M)
NAIVE_WRAPPER_POOL = """package {package}

import (
	"bufio"
	"sync"
	"text/tabwriter"
)

var naiveWriters = sync.Pool{{New: func() any {{ return bufio.NewWriter(nil) }}}}
var naiveReaders = sync.Pool{{New: func() any {{ return bufio.NewReader(nil) }}}}
var naiveTabs = sync.Pool{{New: func() any {{ return new(tabwriter.Writer) }}}}

var _, _ = bufio.ErrBufferFull, tabwriter.Debug
"""


def _naive_wrapper(source: str) -> str | None:
    """The source with each declined bufio or tabwriter site taken from a naive pool; None without one."""
    source, bufio_sites = BUFIO_SITE.subn(
        lambda m: (
            f"{m[1]}{m[2]} := naive{m[3]}s.Get().(*bufio.{m[3]})\n{m[1]}{m[2]}.Reset({m[4]})\n"
            f"{m[1]}defer func() {{ {m[2]}.Reset(nil); naive{m[3]}s.Put({m[2]}) }}()"
        ),
        source,
    )
    source, tab_sites = TABWRITER_SITE.subn(
        lambda m: (
            f"{m[1]}{m[2]} := naiveTabs.Get().(*tabwriter.Writer).Init({m[3]})\n"
            f"{m[1]}defer func() {{ {m[2]}.Init(nil, 0, 0, 0, 0, 0); naiveTabs.Put({m[2]}) }}()"
        ),
        source,
    )
    return source if bufio_sites + tab_sites else None


def test_every_naive_wrapper_pool_fails_its_race_tests(tmp_path, toolchain):
    """`go test -race -count=50` of each bufio Writer or Reader and tabwriter decline case passes as
    written and fails once its Writer (Reader) comes from a pool naively."""
    sync_pool = GOLDEN / "sync-pool"
    cases = sorted(p.name for p in [*sync_pool.glob("decline_bufio_*"), *sync_pool.glob("decline_tabwriter_*")])
    assert cases, "the bufio Writer and Reader and the tabwriter decline cases"
    files = _naive_tree(cases, lambda _, source: _naive_wrapper(source), NAIVE_WRAPPER_POOL)
    _each_naive_pool_fails(tmp_path, toolchain, files, cases)


# --- allocation evidence: fewer allocs/op through the rewritten function, under both releases ---

REUSED = (
    "copy_loop",
    "hoisted_scratch",
    "write_bytes",
    "write_counting_wrapper",
    "handler_bytes",
    "fprintf_buffer",
    "writestring_buffer",
    "fprintln_lines",
    "local_writer",
    "method_calls",
    "early_return",
    "shared_buffer_pool",
    "reuse_buffer_pool",
    "var_buffer",
    "render_writer",
    "render_chain",
    "buffer_helper",
    "frame_length_helper",
    "render_method",
    "render_other_file",
    "string_writer",
    "render_recursive",
    "json_encoder",
    "json_encoder_indent",
    "pool_per_package",
    "bufio_report",
    "bufio_rows",
    "bufio_words",
    "bufio_peek_sniff",
    "copy_buffer",
    "writeto_buffer",
    "tabwriter_table",
    "tabwriter_cmd",
    "tabwriter_two_files",
    "tabwriter_helpers",
    "bufio_helpers",
    "bufio_reader_helpers",
    "builder_new_fprintf",
    "builder_report",
    "bufio_json_lines",
    "append_bytes_buffer",
    "template_buffer",
    "text_template_string",
    "binary_header",
    "proxy_copy_buffer",
    "chunked_upload",
    "frame_verify",
    "crc_staging",
    "gzip_response",
    "gzip_metrics",
    "deflate_block",
    "hex_dump_builder",
    "array_copy_buffer",
    "zlib_loose_object",
    "quoted_mail_body",
    "multipart_form",
    "log_line",
    "tar_header_block",
    "closed_render",
    "scanner_lines",
    "buffer_upper_writer",
    "tsv_replacer",
    "template_builder_subject",
    "own_struct_writer",
    "buffer_beside_foreign_pool",
)


@pytest.mark.golden_run
@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
def test_pooled_buffers_allocate_less(tmp_path, release):
    """Each reused case's `allocs/op` (its TestAllocsPerRun: testing.AllocsPerRun) before and after the
    verified rewrite, both sides linked into one test binary per release (conftest.one_test_binary)."""
    toolchain = releases()[release]
    module = GOLDEN / "sync-pool"
    changes = golden_run(module, "sync-pool").changes  # verified under both releases: shared with test_golden
    after = tmp_path / "after"
    shutil.copytree(module, after, ignore=shutil.ignore_patterns("__snapshots__"))
    reused = {str(module / c) for c in REUSED}
    for path, content in changes.items():
        if os.path.dirname(path) in reused:
            (after / os.path.relpath(path, module)).write_bytes(content)
    sides = {"before": module, "after": after}
    run = one_test_binary(toolchain, tmp_path / "harness", sides, list(REUSED), "TestAllocsPerRun")
    found = run([(c, side) for c in REUSED for side in sides])
    assert all(passed for passed, _ in found.values()), found
    counts = {key: [float(n) for n in re.findall(r"allocs/op: ([\d.]+)", out)] for key, (_, out) in found.items()}
    assert all(len(n) == 1 for n in counts.values()), counts
    print(toolchain.version, {c: (counts[c, "before"][0], counts[c, "after"][0]) for c in REUSED})
    assert all(counts[c, "after"][0] < counts[c, "before"][0] for c in REUSED), counts


# --- the package's own callees, followed through recursion ----------------------------------

# The golden case's mutual recursion, with a second site that calls writeChildren first.
MUTUAL = (
    (GOLDEN / "sync-pool" / "decline_buffer_callee_recursive" / "d.go").read_text()
    + """
func RenderChildren(n *Node) string {
	buf := new(bytes.Buffer)
	writeChildren(buf, n)
	return buf.String()
}
"""
)


def test_a_callee_cleared_while_its_caller_was_followed_is_followed_again(tmp_path):
    """writeChildren looks clean while writeNode is being followed (the call back is assumed to keep
    nothing); writeNode then keeps w. RenderChildren, asked later, must not reuse that assumption."""
    (results,) = proposals(module(tmp_path, {"tree.go": MUTUAL}), RULE).values()
    reasons = sorted(r.reason for r in results)
    assert len(reasons) == 2 and all("is passed to the builtin append" in r for r in reasons), results


# --- names declared twice: uses are followed by go/types identity, the inserted code names only what
# resolves where it is inserted ----------------------------------------------------------------------

SHADOWED_WRAPPER = """package lines

import (
	"bufio"
	"io"
)

// Write writes each line through a buffered writer named {name}; a block has a bw of its own.
func Write(w io.Writer, lines []string) error {{
	if lines == nil {{
		return nil
	}}
	if len(lines) > 3 {{
		bw := 0
		_ = bw
	}}
	{{
		{name} := bufio.NewWriter(w)
		for _, l := range lines {{
			{name}.WriteString(l)
			{name}.WriteByte('\\n')
		}}
		return {name}.Flush()
	}}
}}
"""


@pytest.mark.parametrize(
    "name, expected",
    [
        ("bw", None),  # another bw in a block: the inserted `defer putX(bw, w)` names the outer one
        # `w := bufio.NewWriter(w)`: after the statement, w is the bufio.Writer, so the deferred Put
        # would get it twice (`putX(w, w)`), see it as the caller's own and never put it back: every
        # call would allocate in the pool's New, and the claimed removal would be false
        ("w", "another w is declared in the function: the deferred Put names the wrapped one again"),
    ],
)
def test_a_wrapper_is_pooled_around_a_namesake_unless_it_shadows_the_wrapped(tmp_path, name, expected):
    (results,) = proposals(module(tmp_path, {"lines.go": SHADOWED_WRAPPER.format(name=name)}), RULE).values()
    (result,) = results
    assert getattr(result, "reason", None) == expected, results


CHECKSUM_ONLY = """package dedup

import "hash/crc32"

// Hash copies a frame's body out of the read buffer before checksumming it.
func Hash(pkt []byte) uint32 {
	body := make([]byte, 4096)
	n := copy(body, pkt)
	return crc32.ChecksumIEEE(body[:n])
}
"""


def test_a_pool_comment_names_only_the_calls_its_scratch_is_handed_to(tmp_path):
    """A scratch only crc32 reads is not io's: its pool's comment said "handed to io's Read and Write and to
    crc32.ChecksumIEEE" (probe make-const-devices' PayloadHash, which does no io at all)."""
    (results,) = proposals(module(tmp_path, {"hash.go": CHECKSUM_ONLY}), RULE, list(releases())).values()
    (result,) = results
    assert isinstance(result, Fix), result
    inserted = "".join(e.new.decode() for e in result.edits)
    assert "handed to crc32.ChecksumIEEE, it would be" in inserted and "io's" not in inserted, inserted
