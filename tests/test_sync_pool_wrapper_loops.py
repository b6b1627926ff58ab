"""sync-pool pools a bufio or tabwriter site inside a loop once per call (wrapper_loops.py): one Get before
the outermost loop, and what the constructor makes every iteration (`bw := reuseBufioWriter(bwp, w)`, `tw :=
twp.Init(w, …)`). Each positive keeps its probe's value, and a naive hoisting without the per-iteration
reset changes it (a record dropped by `continue` shows in the next one), as does pool37's hoisting that
decided "w itself" once before the loop (adv33c: a caller's zero bufio.Reader or Writer that a hook Resets
mid-loop), or decided it once at the first iteration where w is the loop's own (`fanout`: a caller's
bufio.Writer, then a plain writer). Each must-decline's naive hoisting changes its probe: a deferred Flush
per iteration (over one w, or each iteration's own), and a `go bw.Flush()` that runs after the Put."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import edited, module, naive_rewrites, proposal_at, proposals, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = """package {name}

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

var _, _, _, _ = bufio.NewWriter, fmt.Sprint, io.EOF, runtime.GOMAXPROCS
var _, _, _ = strings.ToUpper, tabwriter.AlignRight, time.Sleep

"""

# A record loop over one writer: an empty name's record is written, then dropped with its Writer.
RECORDS = """func Records(w io.Writer, names []string) error {
	for i, name := range names {
		bw := bufio.NewWriter(w) // site
		fmt.Fprintf(bw, "%d=%s\\n", i, name)
		if name == "" {
			continue
		}
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
"""

# Each positive: its source and a probe whose value the rewrite keeps and the naive hoisting changes.
POOLED = {
    "records": (
        RECORDS,
        'func() string { var sb strings.Builder; {pkg}.Records(&sb, []string{"a", "", "c"}); return sb.String() }()',
    ),
    # The caller's own bufio.Writer: NewWriter returns it every iteration, and the dropped record stays in it.
    "own_writer": (
        RECORDS
        + """
func Probe() string {
	var sb strings.Builder
	bw := bufio.NewWriter(&sb)
	Records(bw, []string{"a", "", "c"})
	bw.Flush()
	return sb.String()
}
""",
        "{pkg}.Probe()",
    ),
    "tables": (
        """func Tables(out io.Writer, groups [][]string) error {
	for _, g := range groups {
		tw := tabwriter.NewWriter(out, 0, 8, 1, ' ', 0) // site
		for _, row := range g {
			fmt.Fprintln(tw, row)
		}
		if len(g) < 2 {
			continue
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
""",
        'func() string { var sb strings.Builder; {pkg}.Tables(&sb, [][]string{{"a\\tb", "cc\\td"}, {"x\\ty"},'
        ' {"eeee\\tf", "g\\th"}}); return sb.String() }()',
    ),
    # A table per writer: Init at the site takes each iteration's own output.
    "tables_each": (
        """func Each(outs []io.Writer, groups [][]string) {
	for i, g := range groups {
		tw := tabwriter.NewWriter(outs[i], 0, 8, 1, ' ', 0) // site
		for _, row := range g {
			fmt.Fprintln(tw, row)
		}
		tw.Flush()
	}
}

func Probe() string {
	var a, b strings.Builder
	Each([]io.Writer{&a, &b}, [][]string{{"a\\tb", "cc\\td"}, {"eeee\\tf"}})
	return a.String() + "|" + b.String()
}
""",
        "{pkg}.Probe()",
    ),
    # A reader per round over one stream: what a round read ahead is dropped with its Reader.
    "rounds": (
        """func Rounds(r io.Reader, rounds int) string {
	var got []string
	for i := 0; i < rounds; i++ {
		br := bufio.NewReader(r) // site
		s, _ := br.ReadString('\\n')
		got = append(got, strings.TrimSpace(s))
	}
	return strings.Join(got, ",")
}
""",
        '{pkg}.Rounds(strings.NewReader("a\\nb\\nc\\n"), 3)',
    ),
    # adv33c: the caller's zero Reader gets its buffer at the hook's Reset, so from then on NewReader returns it
    # and its read-ahead carries over; pool37 decided before the loop and lost it.
    "zero_reader": (
        """func Lines(r io.Reader, n int, open func()) []string {
	var out []string
	for i := 0; i < n; i++ {
		open()
		br := bufio.NewReader(r) // site
		s, _ := br.ReadString('\\n')
		out = append(out, s)
	}
	return out
}

func Probe() string {
	in := new(bufio.Reader)
	opened := false
	open := func() {
		if !opened {
			in.Reset(strings.NewReader("a\\nb\\nc\\n"))
			opened = true
		}
	}
	return strings.Join(Lines(in, 3, open), "")
}
""",
        "{pkg}.Probe()",
    ),
    # adv33c: the caller's zero Writer, pointed at the sink by a hook: NewWriter returns it, Flush reaches the sink.
    "rotated_writer": (
        """func Emit(w io.Writer, recs []string, rotate func()) error {
	for _, r := range recs {
		rotate()
		bw := bufio.NewWriter(w) // site
		fmt.Fprintf(bw, "%s\\n", r)
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

func Probe() string {
	var sink strings.Builder
	out := new(bufio.Writer)
	Emit(out, []string{"a", "b"}, func() { out.Reset(&sink) })
	return sink.String()
}
""",
        "{pkg}.Probe()",
    ),
    # A Writer per writer, w declared by the loop: the Get and the Put never name it, the helper decides for each
    # iteration's own (the caller's bufio.Writer itself, or the pooled one), and the second loop's w is another w.
    "fanout": (
        """func Fanout(ws []io.Writer, s string) int {
	for _, w := range ws {
		bw := bufio.NewWriter(w) // site
		bw.WriteString(s)
		if len(s) > 10 {
			bw.Flush()
		}
	}
	buffered := 0
	for _, w := range ws {
		if _, ok := w.(*bufio.Writer); ok {
			buffered++
		}
	}
	return buffered
}

func Probe() string {
	var a, b strings.Builder
	own := bufio.NewWriter(&a)
	n := Fanout([]io.Writer{own, &b, own}, "hi")
	own.Flush()
	return fmt.Sprint(n, a.String(), "|", b.String())
}
""",
        "{pkg}.Probe()",
    ),
}

# Each must-decline: its source, the reason, its naive hoisting (source -> source) and a probe it changes.
DECLINED = {
    "deferred": (
        """func Each(w io.Writer, names []string) {
	for _, n := range names {
		bw := bufio.NewWriter(w) // site
		defer bw.Flush()
		bw.WriteString(n)
	}
}
""",
        "bw is used in a defer statement inside a loop",
        'func() string { var sb strings.Builder; {pkg}.Each(&sb, []string{"a", "b", "c"}); return sb.String() }()',
    ),
    # w declared by the loop, each Writer flushed at the return: the helper's one object would flush only the last.
    "broadcast": (
        """func Broadcast(ws []io.Writer, s string) {
	for _, w := range ws {
		bw := bufio.NewWriter(w) // site
		defer bw.Flush()
		bw.WriteString(s)
	}
}

func Probe() string {
	var a, b strings.Builder
	Broadcast([]io.Writer{&a, &b}, "hi")
	return a.String() + "|" + b.String()
}
""",
        "bw is used in a defer statement inside a loop",
        "{pkg}.Probe()",
    ),
    "goroutine": (
        """func Send(w io.Writer, s string) {
	bw := bufio.NewWriter(w) // site
	bw.WriteString(s)
	go bw.Flush()
}

func Probe() string {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var sb strings.Builder
	Send(&sb, "sent")
	time.Sleep(50 * time.Millisecond)
	return sb.String()
}
""",
        "bw is used in a go statement: the goroutine may run after the Put",
        "{pkg}.Probe()",
    ),
}

# The package already declares the reuse helper's name (the naive rewrite would not compile: it is redeclared).
NAME_TAKEN = RECORDS + "\nfunc reuseBufioWriter() {}\n"

# w written in the function: the loop's Put does not name it, but the decline outside loops is kept (no naive
# rewrite of this form misbehaves: the reuse helper reads w where NewWriter did).
WRITTEN = """func Sweep(ws []io.Writer, s string) {
	for _, w := range ws {
		if w == nil {
			w = io.Discard
		}
		bw := bufio.NewWriter(w) // site
		bw.WriteString(s)
		bw.Flush()
	}
}
"""

SITE = re.compile(r"^(\t+)(\w+) := bufio\.NewWriter\((\w+)\) // site$", re.M)
BUFIO_SITE = re.compile(r"^(\t+)(\w+) := bufio\.New(?:Writer|Reader)\((\w+)\) // site$", re.M)


def _naive(source: str, per_iteration: bool) -> str:
    """The site's Writer made once, before the outermost loop (or kept as it is outside a loop), and reset
    to nil at the return as a pool's Put would: reset to the iteration's writer at the site (per_iteration,
    which drops a caller's own Writer) or not at all."""
    m = SITE.search(source)
    indent, var, inner = m.groups()
    loop = source.rfind("\n\tfor ", 0, m.start())
    if loop < 0:  # not in a loop: the pooled Writer, Put when the function returns
        return source.replace(m[0], f"{m[0]}\n{indent}defer {var}.Reset(nil)")
    got = "nil" if per_iteration else inner
    hoisted = f"\n\t{var}p := bufio.NewWriter({got})\n\tdefer {var}p.Reset(nil)"
    site = f"{indent}{var} := {var}p" + (f"\n{indent}{var}.Reset({inner})" if per_iteration else "")
    return (source[:loop] + hoisted + source[loop:]).replace(m[0], site)


def _pool37(source: str) -> str:
    """pool37's hoisting: the constructor's decision ("w itself") made once, before the loop, with a Reset to w at
    the site and the Put's Reset to nil unless it was w."""
    m = BUFIO_SITE.search(source)
    indent, var, inner = m.groups()
    loop = source.rfind("\n\tfor ", 0, m.start())
    new = m[0].split(" := ")[1].removesuffix(" // site")
    put = f"\n\tdefer func() {{\n\t\tif {var}p != {inner} {{\n\t\t\t{var}p.Reset(nil)\n\t\t}}\n\t}}()"
    hoisted = f"\n\t{var}p := {new}{put}"
    site = f"{indent}{var} := {var}p\n{indent}{var}.Reset({inner})"
    return (source[:loop] + hoisted + source[loop:]).replace(m[0], site)


def _decide_once(source: str) -> str:
    """pool37's decision made once where w is the loop's own: the first iteration's w decides (itself, or a new
    Writer) and every later iteration resets that object to its w."""
    m = SITE.search(source)
    indent, var, inner = m.groups()
    loop = source.rfind("\n\tfor ", 0, m.start())
    once = f"{indent}if {var}p == nil {{\n{indent}\t{var}p = bufio.NewWriter({inner})\n{indent}}}"
    site = f"{once}\n{indent}{var} := {var}p\n{indent}{var}.Reset({inner})"
    return (source[:loop] + f"\n\tvar {var}p *bufio.Writer" + source[loop:]).replace(m[0], site)


def _reusing(source: str) -> str:
    """The loop form kept though a method is deferred in the loop: one Writer before it, the reuse helper at the
    site."""
    m = SITE.search(source)
    indent, var, inner = m.groups()
    loop = source.rfind("\n\tfor ", 0, m.start())
    helper = "\nfunc reuse(b *bufio.Writer, x io.Writer) *bufio.Writer {\n\tb.Reset(x)\n\treturn b\n}\n"
    hoisted = f"\n\t{var}p := bufio.NewWriter(nil)"
    site = f"{indent}{var} := reuse({var}p, {inner})"
    return (source[:loop] + hoisted + source[loop:]).replace(m[0], site) + helper


def _naive_tables(source: str) -> str:
    """The tabwriter made once, before the loop, and not initialised again at the site."""
    site = "\t\ttw := tabwriter.NewWriter(out, 0, 8, 1, ' ', 0) // site"
    hoisted = "\ttwp := tabwriter.NewWriter(out, 0, 8, 1, ' ', 0)\n\tfor _, g := range groups {"
    return source.replace("\tfor _, g := range groups {", hoisted).replace(site, "\t\ttw := twp")


def _naive_rounds(source: str) -> str:
    site = "\t\tbr := bufio.NewReader(r) // site"
    hoisted = "\tbrp := bufio.NewReader(r)\n\tfor i := 0;"
    return source.replace("\tfor i := 0;", hoisted).replace(site, "\t\tbr := brp")


def _source(name: str, code: str) -> str:
    return HEAD.format(name=name) + code


def _line(code: str) -> str:
    return next(line for line in code.splitlines() if line.endswith("// site"))


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cases = {name: _source(name, code) for name, (code, _) in POOLED.items()}
    cases |= {name: _source(name, code) for name, (code, _, _) in DECLINED.items()}
    cases["name_taken"] = _source("name_taken", NAME_TAKEN)
    cases["written"] = _source("written", WRITTEN)
    return proposals_by_case(tmp_path_factory.mktemp("wrapper_loops"), RULE, cases)


def _site(results, case: str, code: str):
    return proposal_at(results[case], _source(case, code), _line(code))


@pytest.mark.parametrize("case", sorted(POOLED))
def test_pooled(results, case):
    assert isinstance(_site(results, case, POOLED[case][0]), Fix), results[case]


def test_the_get_goes_before_the_loop_and_the_site_decides_as_the_constructor(results):
    """bufio: a Get and Put of a pooled Writer never w, the reuse helper at the site (w itself when NewWriter
    would return it, at every iteration); tabwriter: a nil Get, Init at the site."""
    source = _source("records", RECORDS)
    after = edited(source, _site(results, "records", RECORDS))
    got = "\tbwp := getBufioWriter(nil)\n\tdefer putBufioWriter(bwp, nil)\n\tfor i, name := range names {\n"
    assert got in after and "\t\tbw := reuseBufioWriter(bwp, w) // site\n" in after, after
    assert "ok && own.Size() >= 4096 {\n\t\treturn own\n\t}\n\tb.Reset(x)\n\treturn b\n}\n" in after, after
    code = POOLED["tables"][0]
    after = edited(_source("tables", code), _site(results, "tables", code))
    assert "\ttwp := getTabWriter(nil, 0, 0, 0, 0, 0)\n\tdefer putTabWriter(twp)\n\tfor _, g" in after, after
    assert "\t\ttw := twp.Init(out, 0, 8, 1, ' ', 0) // site\n" in after, after


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_declined(results, case):
    code, reason, _ = DECLINED[case]
    result = _site(results, case, code)
    assert not isinstance(result, Fix) and reason in result.reason, result


def test_a_taken_reuse_helper_name_declines(results):
    result = _site(results, "name_taken", NAME_TAKEN)
    assert not isinstance(result, Fix) and "already uses the name reuseBufioWriter" in result.reason, result


def test_a_written_writer_in_a_loop_is_declined_as_outside_one(results):
    result = _site(results, "written", WRITTEN)
    reason = "w is written or its address taken in the function: declined in a loop as outside one, though there"
    assert not isinstance(result, Fix) and reason in result.reason, result


def test_the_rewrite_keeps_every_value_and_each_naive_hoisting_changes_it(results, tmp_path, toolchain):
    """Beside each original: the rule's rewrite of a positive (same value), its naive hoisting without the
    per-iteration reset or with pool37's decision before the loop (another value), and each must-decline's
    naive rewrite (another value)."""
    originals, rewritten, probes = {}, {}, {}

    def add(name: str, code: str, probe: str, rewrite) -> None:
        originals[name], probes[name] = _source(name, code), probe
        rewritten[name] = rewrite(originals[name])

    for case, (code, probe) in POOLED.items():
        add(case, code, probe, lambda s, case=case, code=code: edited(s, _site(results, case, code)))
    add("records_naive", RECORDS, POOLED["records"][1], lambda s: _naive(s, False))
    add("own_writer_naive", POOLED["own_writer"][0], POOLED["own_writer"][1], lambda s: _naive(s, True))
    add("tables_naive", POOLED["tables"][0], POOLED["tables"][1], _naive_tables)
    add("rounds_naive", POOLED["rounds"][0], POOLED["rounds"][1], _naive_rounds)
    for case in ("zero_reader", "rotated_writer"):
        add(f"{case}_pool37", *POOLED[case], _pool37)
    add("fanout_naive", *POOLED["fanout"], lambda s: _naive(s, True))
    add("fanout_once", *POOLED["fanout"], _decide_once)
    for case, (code, _, probe) in DECLINED.items():
        add(case, code, probe, _reusing if case == "broadcast" else lambda s: _naive(s, False))
    built, values = naive_rewrites(tmp_path, toolchain, originals, rewritten, probes)
    assert values.keys() == probes.keys(), built
    for case, (before, after) in values.items():
        assert (before == after) == (case in POOLED), (case, before, after)
    assert values["zero_reader"][0] == r'"a\nb\nc\n"' and values["rotated_writer"][0] == r'"a\nb\n"', values
    assert values["fanout"][0] == '"2hihi|"' and values["fanout_once"][1] == '"2|hihi"', values


AMD64_HELPERS = """package ph

import (
	"bufio"
	"io"
	"sync"
)

{helpers}

// Fast writes x through a pooled Writer (amd64 builds only).
func Fast(w io.Writer) {{
	bw := getBufioWriter(w)
	defer putBufioWriter(bw, w)
	bw.WriteString("x")
	bw.Flush()
}}
"""
FAN = """package ph

import (
	"bufio"
	"io"
)

// Fan writes x to each conn.
func Fan(conns []io.Writer) {
	for _, c := range conns {
		bw := bufio.NewWriter(c)
		bw.WriteString("x")
		bw.Flush()
	}
}

// One writes x to w.
func One(w io.Writer) {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	bw.Flush()
}
"""


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("fast_amd64.go", ""),
        ("fast.go", "//go:build\tamd64\n\n"),  # a tab after //go:build: go/build reads it, a regex on a space did not
        ("fast.go", "//+build amd64\n\n"),
        ("fast.go", "\ufeff//go:build amd64\n\n"),  # a BOM before it
    ],
    ids=["name", "tab", "plus_build", "bom"],
)
def test_helpers_in_a_file_some_builds_leave_out_are_not_reused(tmp_path, name, header):
    """adv33g: a previous run's helpers, word for word, in fast_amd64.go (or a fast.go constrained to amd64):
    the sites of ph.go (every build) called them, and GOARCH=386 no longer built. Each fix now defines what it
    calls where every build has it, or the site is declined (its names are taken)."""
    helpers = _previous_run_helpers(tmp_path)
    fast = header + AMD64_HELPERS.format(helpers=helpers)
    root = module(tmp_path / "m", {f"ph/{name}": fast, "ph/ph.go": FAN})
    found = proposals(root, RULE)["example.com/m/ph"]
    for fix in (p for p in found if isinstance(p, Fix)):
        added = b"".join(e.new for e in fix.edits if e.path.endswith("/ph.go"))
        for called in re.findall(rb"\b((?:get|put|reuse)BufioWriter)\(", added):
            assert b"func " + called + b"(" in added, (called, added.decode())


# what lead wrote for Fan when the helpers sat in a file importing "C": every build compiles ph.go, and
# `CGO_ENABLED=0` (the default with no C compiler, and when cross-compiling) leaves out the file they were in
NAIVE_FAN = """package ph

import (
	"io"
)

// Fan writes x to each conn.
func Fan(conns []io.Writer) {
	bwp := getBufioWriter(nil)
	defer putBufioWriter(bwp, nil)
	for _, c := range conns {
		bw := reuseBufioWriter(bwp, c)
		bw.WriteString("x")
		bw.Flush()
	}
}
"""


def test_helpers_in_a_cgo_file_are_not_reused(tmp_path, toolchain):
    """fix43: sync-pool's own test of "a file some build leaves out" missed cgo (build_files.constrained counted
    it): a previous run's helpers in a file importing "C" were called from ph.go, and `CGO_ENABLED=0 go build`
    failed. The naive reuse builds with cgo and not without it."""
    helpers = _previous_run_helpers(tmp_path)
    fast = AMD64_HELPERS.format(helpers=helpers).replace("package ph\n", 'package ph\n\nimport "C"\n', 1)
    root = module(tmp_path / "m", {"ph/fast.go": fast, "ph/ph.go": FAN})
    found = proposals(root, RULE)["example.com/m/ph"]
    for fix in (p for p in found if isinstance(p, Fix)):
        added = b"".join(e.new for e in fix.edits if e.path.endswith("/ph.go"))
        for called in re.findall(rb"\b((?:get|put|reuse)BufioWriter)\(", added):
            assert b"func " + called + b"(" in added, (called, added.decode())
    naive = module(tmp_path / "naive", {"ph/fast.go": fast, "ph/ph.go": NAIVE_FAN})
    for cgo, builds in (("1", True), ("0", False)):
        env = {**toolchain.env, "CGO_ENABLED": cgo}
        built = subprocess.run([toolchain.go, "build", "./..."], cwd=naive, env=env, capture_output=True)
        assert (built.returncode == 0) is builds, (cgo, built.stderr.decode())
    assert b"undefined: getBufioWriter" in built.stderr, built.stderr.decode()


def _previous_run_helpers(tmp_path) -> str:
    """The pool and helpers gorewrite adds for a bufio.Writer site in a loop, as a run wrote them."""
    root = module(tmp_path / "first", {"ph/ph.go": FAN})
    text = FAN
    for fix in sorted((p for p in proposals(root, RULE)["example.com/m/ph"] if isinstance(p, Fix)), key=id):
        text = edited(text, fix)
    return text[text.index("// bufioWriterPool") : text.index("// Fan writes")].strip()


NEWER = """package ph

import (
	"bufio"
	"io"
)

// One writes x to w and returns a fresh limit.
func One(w io.Writer) *int64 {
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	bw.Flush()
	return new(int64(-64))
}
"""


def test_a_wrapper_in_a_declaration_tree_sitter_cannot_parse_declines(tmp_path):
    """fix43: tree-sitter-go 0.25 cannot parse go1.26's new(int64(-64)); every other sync-pool site declined in such
    a declaration, a bufio or tabwriter wrapper did not (its rewrite happened to be right, and go1.26.8 rejected it
    for an escape it adds): nothing is read of a tree with ERROR nodes."""
    root = module(tmp_path / "m", {"ph/ph.go": NEWER}, go="1.26")
    found = proposals(root, RULE)["example.com/m/ph"]
    assert found and not any(isinstance(p, Fix) for p in found), found
    assert all("syntax tree-sitter-go cannot parse" in p.reason for p in found), found
