"""iface-direct and another build of the package (elsewhere.py): an assertion go/types says fails, dropped as never
run (several.py's failed `if`, beside a call through the variable: adv42c), or a type switch case passed over,
reads this build's method sets; a file another build compiles (`//go:build resettable`) may add the method, and
there the dropped code runs. Each case declines while such a file exists, is rewritten without it, and keeps its
naive rewrite (what the rule wrote before), which changes what the resettable build prints. The mirror
(needed_elsewhere, fix42): Help declared in `help_linux.go` or a `//go:build !nohelp` file declines, its naive
`Describer(&vec)` failing to build under GOOS=windows or -tags nohelp; in an unconstrained file it is rewritten.
"""

from __future__ import annotations

import subprocess

import pytest
from conftest import assert_declines, module, proposals, releases

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

HEAD = """package {name}

import (
	"fmt"
	"strings"
)

type Collector interface{{ Collect(emit func(name string, value float64)) }}

type Describer interface{{ Help() string }}

// Resetter is implemented by collectors that zero themselves after a scrape.
type Resetter interface{{ Reset() }}

type counterVec struct {{
	name string
	n    int
}}

func (c *counterVec) Collect(emit func(string, float64)) {{ c.n++; emit(c.name, float64(c.n)) }}

func (c *counterVec) Help() string {{ return "requests" }}

"""

TAGGED = """//go:build resettable

package {name}

func (c *counterVec) Reset() {{ c.n = 0 }}
"""

# name -> (the function, its rewrite as the rule made it before elsewhere.py)
CASES = {
    "failed_if_beside_call": (
        """// Scrape writes the HELP line and the samples, then resets the collector if it can.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	var c Collector = &vec
	if d, ok := c.(Describer); ok {
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
	c.Collect(func(s string, v float64) { fmt.Fprintf(sb, "%s %g\\n", s, v) })
	if r, ok := c.(Resetter); ok {
		r.Reset()
	}
	return vec.n
}
""",
        """// Scrape writes the HELP line and the samples, then resets the collector if it can.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	{
		d := Describer(&vec)
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
	(&vec).Collect(func(s string, v float64) { fmt.Fprintf(sb, "%s %g\\n", s, v) })
	return vec.n
}
""",
    ),
    "case_passed_over": (
        """// Scrape resets the collector if it can, else writes its HELP line; then the samples.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	var c Collector = &vec
	switch d := c.(type) {
	case Resetter:
		d.Reset()
		sb.WriteString("reset\\n")
	case Describer:
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
	vec.Collect(func(s string, v float64) { fmt.Fprintf(sb, "%s %g\\n", s, v) })
	return vec.n
}
""",
        """// Scrape resets the collector if it can, else writes its HELP line; then the samples.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	{
		d := Describer(&vec)
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
	vec.Collect(func(s string, v float64) { fmt.Fprintf(sb, "%s %g\\n", s, v) })
	return vec.n
}
""",
    ),
    # a type switch on a place reached in several steps (paths.py, adv-reach50e): the Resetter case is passed over
    "case_passed_over_on_a_path": (
        """type scrape struct{ Slots [1]Collector }

// Scrape resets the collector if it can, else writes its HELP line; then the samples.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	s := scrape{Slots: [1]Collector{&vec}}
	switch d := s.Slots[0].(type) {
	case Resetter:
		d.Reset()
		sb.WriteString("reset\\n")
	case Describer:
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
	vec.Collect(func(m string, v float64) { fmt.Fprintf(sb, "%s %g\\n", m, v) })
	return vec.n
}
""",
        """type scrape struct{ Slots [1]Collector }

// Scrape resets the collector if it can, else writes its HELP line; then the samples.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	{
		d := Describer(&vec)
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
	vec.Collect(func(m string, v float64) { fmt.Fprintf(sb, "%s %g\\n", m, v) })
	return vec.n
}
""",
    ),
}

PROBE = """package main

import (
	"fmt"
	"strings"

	"example.com/m/{name}"
)

func main() {{
	var sb strings.Builder
	n := {name}.Scrape(&sb, "x")
	fmt.Printf("%d %q\\n", n, sb.String())
}}
"""


def files(name: str, body: str, tagged: bool) -> dict[str, str]:
    found = {f"{name}/{name}.go": HEAD.format(name=name) + body, f"cmd/{name}/main.go": PROBE.format(name=name)}
    return found | ({f"{name}/reset_resettable.go": TAGGED.format(name=name)} if tagged else {})


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    """The rule's proposals under go1.24.11 (go1.26 on devirtualize c: nothing escapes), with the tagged file and
    without it."""
    found = {}
    for tagged in (True, False):
        root = tmp_path_factory.mktemp(f"iface-builds-{tagged}")
        module(root, {k: v for name, (body, _) in CASES.items() for k, v in files(name, body, tagged).items()})
        older = proposals(root, RULE, toolchains=[releases()[1]])
        found[tagged] = {pkg.rsplit("/", 1)[-1]: results for pkg, results in older.items()}
    return found


@pytest.mark.parametrize("name", list(CASES))
def test_declines_while_another_build_may_add_the_method(proposed, name):
    assert_declines(proposed[True].get(name, []), "another build compiles reset_resettable.go")


@pytest.mark.parametrize("name", list(CASES))
def test_rewritten_without_the_other_build(proposed, name):
    assert any(isinstance(p, Fix) for p in proposed[False][name]), proposed[False][name]


@pytest.mark.parametrize("name", list(CASES))
def test_the_naive_rewrite_changes_the_resettable_build(tmp_path, name):
    body, naive = CASES[name]
    printed = []
    for version, code in (("original", body), ("naive", naive)):
        root = module(tmp_path / version, files(name, code, True))
        toolchain = releases()[0]
        done = toolchain.run(["run", "-tags", "resettable", f"./cmd/{name}"], str(root))
        assert done.returncode == 0, done.stderr.decode()
        printed.append(done.stdout.decode())
    assert printed[0] != printed[1], printed


# --- the mirror (needed_elsewhere): the method the rewrite's static conversion needs is in a file only some builds
# compile; the original's assertion just fails in the others, the rewrite does not compile there (fix42)

NEEDED = """package {name}

import (
	"fmt"
	"strings"
)

type Collector interface{{ Collect(emit func(name string, value float64)) }}

type Describer interface{{ Help() string }}

type counterVec struct {{
	name string
	n    int
}}

func (c *counterVec) Collect(emit func(string, float64)) {{ c.n++; emit(c.name, float64(c.n)) }}

// Scrape writes the HELP line, if the collector has one, and the samples.
func Scrape(sb *strings.Builder, name string) int {{
	vec := counterVec{{name: name}}
	var c Collector = &vec
{scrape}	c.Collect(func(s string, v float64) {{ fmt.Fprintf(sb, "%s %g\\n", s, v) }})
	return vec.n
}}
"""
ASSERTED = """	if d, ok := c.(Describer); ok {
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
"""
# the rule's rewrite without needed_elsewhere (its collector call rewritten too)
CONVERTED = """	{
		d := Describer(&vec)
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
"""
HELP = 'package {name}\n\nfunc (c *counterVec) Help() string {{ return "requests" }}\n'
# case -> (the file declaring Help, its header, the other build: its GOOS and tags)
HELPS = {
    "help_by_name": ("help_linux.go", "", ("windows", "")),
    "help_by_tag": ("help_tagged.go", "//go:build !nohelp\n\n", ("linux", "nohelp")),
    "help_everywhere": ("help.go", "", None),
}


def needing(name: str, scrape: str) -> dict[str, str]:
    file, header, _ = HELPS[name]
    return {
        f"{name}/{name}.go": NEEDED.format(name=name, scrape=scrape),
        f"{name}/{file}": header + HELP.format(name=name),
        f"cmd/{name}/main.go": PROBE.format(name=name),
    }


@pytest.fixture(scope="module")
def needed(tmp_path_factory):
    """The rule's proposals under go1.24.11 for the three places of Help."""
    root = tmp_path_factory.mktemp("iface-needed")
    module(root, {k: v for name in HELPS for k, v in needing(name, ASSERTED).items()})
    return {pkg.rsplit("/", 1)[-1]: found for pkg, found in proposals(root, RULE, toolchains=[releases()[1]]).items()}


@pytest.mark.parametrize("name", ["help_by_name", "help_by_tag"])
def test_declines_a_conversion_needing_a_method_another_build_leaves_out(needed, name):
    assert_declines(needed.get(name, []), f"declared in {HELPS[name][0]}, which another build may leave out")
    assert any(HELPS[name][0] in p.reason for p in needed[name])


def test_rewritten_when_the_method_is_in_every_build(needed):
    assert any(isinstance(p, Fix) for p in needed["help_everywhere"]), needed["help_everywhere"]


@pytest.mark.parametrize("name", ["help_by_name", "help_by_tag"])
def test_the_naive_conversion_does_not_build_in_the_other_build(tmp_path, name):
    goos, tags = HELPS[name][2]
    built = []
    for version, scrape in (("original", ASSERTED), ("naive", CONVERTED)):
        root = module(tmp_path / version, needing(name, scrape))
        toolchain = releases()[0]
        env = toolchain.env_in(str(root)) | {"GOOS": goos}
        done = subprocess.run(
            [toolchain.go, "build", "-tags", tags, "./..."], cwd=root, env=env, capture_output=True, check=False
        )
        built.append(done.returncode == 0)
    assert built == [True, False], built


# --- fix43: a method set keyed by name. The site's package declares the unexported help in help_linux.go, and
# counterVec embeds zz.Z, whose own unexported help is another method of the set (two packages' unexported names
# never clash); keyed by name, zz's file stood for both and the conversion's help_linux.go went unseen.


def _unexported(source: str) -> str:
    return source.replace("Help()", "help()")


ZZ = 'package zz\n\ntype Z struct{}\n\nfunc (Z) help() string { return "zz" }\n'


def beside_zz(scrape: str) -> dict[str, str]:
    """help_by_name with help unexported and zz.Z (an unexported help of its own) embedded in counterVec."""
    name = "help_by_name"
    source = _unexported(NEEDED.format(name=name, scrape=_unexported(scrape)))
    source = source.replace('\t"strings"\n)', '\t"strings"\n\n\t"example.com/m/zz"\n)', 1)
    source = source.replace("type counterVec struct {\n", "type counterVec struct {\n\tzz.Z\n", 1)
    help_file = _unexported(HELP.format(name=name))
    return {f"{name}/{name}.go": source, f"{name}/help_linux.go": help_file, "zz/zz.go": ZZ}


def test_an_unexported_method_of_another_package_of_the_same_name_is_another_method(tmp_path):
    root = module(tmp_path / "m", beside_zz(ASSERTED))
    found = proposals(root, RULE, toolchains=[releases()[1]])["example.com/m/help_by_name"]
    assert_declines(found, "declared in help_linux.go, which another build may leave out")
    built = []
    for version, scrape in (("original", ASSERTED), ("naive", CONVERTED)):
        side = module(tmp_path / version, beside_zz(scrape))
        toolchain = releases()[0]
        env = toolchain.env_in(str(side)) | {"GOOS": "windows"}
        done = subprocess.run([toolchain.go, "build", "./..."], cwd=side, env=env, capture_output=True, check=False)
        built.append((done.returncode == 0, done.stderr.decode()))
    assert [ok for ok, _ in built] == [True, False], built
    assert "unexported method help" in built[1][1], built


# --- the test build (adv43c): `go test` compiles an in-package `_test.go` file with the package, and left_out leaves
# it aside (no build constraint); one declaring Reset gives counterVec the method there, so the failed `if` the rule
# drops (beside calls through c only: every assertion fails, c219496) runs under `go test`

CALLS_ONLY = """// Scrape writes the samples, then resets the collector if it can.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	var c Collector = &vec
	c.Collect(func(s string, v float64) { fmt.Fprintf(sb, "%s %g\\n", s, v) })
	if r, ok := c.(Resetter); ok {
		r.Reset()
	}
	return vec.n
}
"""
# the rule's rewrite before adv43c
CALLS_ONLY_NAIVE = """// Scrape writes the samples, then resets the collector if it can.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	(&vec).Collect(func(s string, v float64) { fmt.Fprintf(sb, "%s %g\\n", s, v) })
	return vec.n
}
"""
# the test file: Reset for the tests' sake, and a test that relies on it (it passes on the original)
RESET_TEST = """package {name}

import (
	"strings"
	"testing"
)

func (c *counterVec) Reset() {{ c.n = 0 }}

func TestScrapeResets(t *testing.T) {{
	var sb strings.Builder
	if n := Scrape(&sb, "x"); n != 0 {{
		t.Fatalf("Scrape left %d samples counted, want 0: a resettable collector is reset", n)
	}}
}}
"""


def with_test(name: str, body: str, test: bool) -> dict[str, str]:
    found = {f"{name}/{name}.go": HEAD.format(name=name) + body}
    return found | ({f"{name}/reset_test.go": RESET_TEST.format(name=name)} if test else {})


@pytest.fixture(scope="module")
def tested(tmp_path_factory):
    """The rule's proposals under go1.24.11, with the in-package test file declaring Reset and without it."""
    found = {}
    for test in (True, False):
        root = tmp_path_factory.mktemp(f"iface-tested-{test}")
        module(root, with_test("calls_only", CALLS_ONLY, test))
        found[test] = proposals(root, RULE, toolchains=[releases()[1]])["example.com/m/calls_only"]
    return found


def test_declines_while_a_test_file_declares_a_method(tested):
    assert_declines(tested[True], "another build compiles reset_test.go")


def test_rewritten_without_the_test_file(tested):
    assert any(isinstance(p, Fix) for p in tested[False]), tested[False]


def test_the_naive_rewrite_fails_the_package_test(tmp_path):
    passed = []
    for version, code in (("original", CALLS_ONLY), ("naive", CALLS_ONLY_NAIVE)):
        root = module(tmp_path / version, with_test("calls_only", code, True))
        done = releases()[0].run(["test", "./calls_only"], str(root))
        passed.append(done.returncode == 0)
    assert passed == [True, False], passed


# --- another package's build (adv43c): the value's type embeds dep.Sink, and dep's `//go:build flushing` file declares
# Sink's Flush; in that build *lineCodec has Flush (promoted), the assertion succeeds, and the dropped `if` runs

DEP = """package dep

// Sink counts what it is given.
type Sink struct{ N, Flushed int }

func (s *Sink) Add(n int) { s.N += n }
"""
DEP_FLUSH = "//go:build flushing\n\npackage dep\n\nfunc (s *Sink) Flush() error { s.Flushed++; return nil }\n"
EMBEDDING = """package codec

import "example.com/m/dep"

type Encoder interface{ Encode(v string) }

type Flusher interface{ Flush() error }

type lineCodec struct{ *dep.Sink }

func (c *lineCodec) Encode(v string) { c.Add(len(v)) }

// EncodeAll encodes the values and flushes the encoder if it can.
func EncodeAll(s *dep.Sink, vals []string) {
	lc := lineCodec{s}
{body}}
"""
EMBEDDING_BODY = """	var enc Encoder = &lc
	for _, v := range vals {
		enc.Encode(v)
	}
	if f, ok := enc.(Flusher); ok {
		f.Flush()
	}
"""
# the rule's rewrite before adv43c
EMBEDDING_NAIVE = """	for _, v := range vals {
		(&lc).Encode(v)
	}
"""
EMBEDDING_MAIN = """package main

import (
	"fmt"

	"example.com/m/codec"
	"example.com/m/dep"
)

func main() {
	var s dep.Sink
	codec.EncodeAll(&s, []string{"ab", "c"})
	fmt.Println(s.N, s.Flushed)
}
"""


def embedding(body: str, tagged: bool) -> dict[str, str]:
    found = {
        "dep/dep.go": DEP,
        "codec/codec.go": EMBEDDING.replace("{body}", body),
        "cmd/codec/main.go": EMBEDDING_MAIN,
    }
    return found | ({"dep/flush_tagged.go": DEP_FLUSH} if tagged else {})


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    """The rule's proposals under go1.24.11, with dep's tagged file and without it."""
    found = {}
    for tagged in (True, False):
        root = module(tmp_path_factory.mktemp(f"iface-embedded-{tagged}"), embedding(EMBEDDING_BODY, tagged))
        found[tagged] = proposals(root, RULE, toolchains=[releases()[1]])["example.com/m/codec"]
    return found


def test_declines_while_the_embedded_types_package_has_another_build(embedded):
    assert_declines(embedded[True], "another build compiles flush_tagged.go of ")


def test_rewritten_when_the_embedded_types_package_has_one_build(embedded):
    assert any(isinstance(p, Fix) for p in embedded[False]), embedded[False]


def test_the_naive_rewrite_changes_the_flushing_build(tmp_path):
    printed = []
    for version, body in (("original", EMBEDDING_BODY), ("naive", EMBEDDING_NAIVE)):
        root = module(tmp_path / version, embedding(body, True))
        done = releases()[0].run(["run", "-tags", "flushing", "./cmd/codec"], str(root))
        assert done.returncode == 0, done.stderr.decode()
        printed.append(done.stdout.decode())
    assert printed == ["3 1\n", "3 0\n"], printed


# --- a type switch's failing cases each ask of their own interface's names (fix43b asks by name): the first,
# Flusher, no build can give counterVec; the second, Resetter, the test file's Reset does. Judging the first alone
# dropped both, and the naive rewrite fails the package's test, which sees the reset.

SWITCHED = """type Flusher interface{ Flush() }

// Scrape flushes or resets the collector if it can, else writes its HELP line; then the samples.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	var c Collector = &vec
	switch d := c.(type) {
	case Flusher:
		d.Flush()
	case Resetter:
		d.Reset()
		sb.WriteString("reset\\n")
	case Describer:
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
	vec.Collect(func(s string, v float64) { fmt.Fprintf(sb, "%s %g\\n", s, v) })
	return vec.n
}
"""
# the rule's rewrite when only the first failing case was asked about
SWITCHED_NAIVE = """type Flusher interface{ Flush() }

// Scrape flushes or resets the collector if it can, else writes its HELP line; then the samples.
func Scrape(sb *strings.Builder, name string) int {
	vec := counterVec{name: name}
	{
		d := Describer(&vec)
		fmt.Fprintf(sb, "# HELP %s %s\\n", name, d.Help())
	}
	vec.Collect(func(s string, v float64) { fmt.Fprintf(sb, "%s %g\\n", s, v) })
	return vec.n
}
"""
SWITCHED_TEST = """package switched

import (
	"strings"
	"testing"
)

func (c *counterVec) Reset() { c.n = 0 }

func TestScrapeResets(t *testing.T) {
	var sb strings.Builder
	if Scrape(&sb, "x"); !strings.Contains(sb.String(), "reset") {
		t.Fatalf("a resettable collector is reset: %q", sb.String())
	}
}
"""


def switched(body: str) -> dict[str, str]:
    return {"switched/switched.go": HEAD.format(name="switched") + body, "switched/reset_test.go": SWITCHED_TEST}


def test_a_later_failing_case_asks_of_its_own_names(tmp_path):
    module(tmp_path / "m", switched(SWITCHED))
    found = proposals(tmp_path / "m", RULE, toolchains=[releases()[1]])["example.com/m/switched"]
    assert_declines(found, "reset_test.go")


def test_the_naive_switch_rewrite_fails_the_package_test(tmp_path):
    passed = []
    for version, code in (("original", SWITCHED), ("naive", SWITCHED_NAIVE)):
        root = module(tmp_path / version, switched(code))
        passed.append(releases()[0].run(["test", "./switched"], str(root)).returncode == 0)
    assert passed == [True, False], passed
