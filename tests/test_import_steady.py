"""import_steady: a function keeps its parameter verdicts in a package that imports one with a per-build
file, when nothing it names (through the package's own declarations too) comes from such an import.
chi's middleware (probe37a) imports chi, whose path_value_fallback.go only old releases compile: every
middleware function had lost its verdicts, and so its recoverer's buffers their pool."""

from __future__ import annotations

import pytest
from conftest import DETERMINISTIC_POOL, module, proposals

from gorewrite.dependencies import Listed
from gorewrite.import_steady import steady
from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]
VARIES = "hook_trace.go of example.com/m/hook, which it imports"
VARYING = {"example.com/m/app": VARIES, "example.com/m/hook": "hook_trace.go"}  # as parameters.varying lists them


def _listing(tmp_path, files: dict[str, str]) -> dict[str, Listed]:
    for name, source in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(source)
    (tmp_path / "hook").mkdir(exist_ok=True)
    (tmp_path / "hook" / "hook.go").write_text("package hooks\n")
    app = Listed("example.com/m/app", str(tmp_path / "app"), tuple(files), (), ("example.com/m/hook",), (), True)
    hook = Listed("example.com/m/hook", str(tmp_path / "hook"), ("hook.go",), ("hook_trace.go",), (), (), True, "hooks")
    return {"example.com/m/app": app, "example.com/m/hook": hook}


APP = """package app

import (
	"fmt"
	"io"
	h "example.com/m/hook"
	"example.com/m/hook"
)

var colors = []byte("x")

type state struct{ sink hooks.Sink }

func paint(w io.Writer, s string) { io.WriteString(w, string(colors)); fmt.Fprintf(w, "%s", s) }

func writes(w io.Writer) { w.Write(colors) }

func direct(w io.Writer) { hooks.Keep(w) }

func aliased(w io.Writer) { h.Keep(w) }

func viaHelper(w io.Writer) { direct(w) }

func viaType(s *state, w io.Writer) { s.sink = nil; fmt.Fprint(w) }

func (s *state) Write(p []byte) (int, error) { return len(p), nil }

func (s *state) Flush() { viaHelper(nil) }

//go:noescape
func asm(p *byte)
"""


def test_only_the_functions_that_name_nothing_of_the_varying_import_are_steady(tmp_path):
    built = _listing(tmp_path, {"app.go": APP})
    got = steady(built, VARYING, "example.com/m/app")
    # paint names colors, fmt and io only. state names hooks.Sink, so its methods (their receivers name it)
    # are tainted, and by name so is writes, whose w.Write is io.Writer's: judged by name, not by object
    assert got == {("", "paint")}, got


SPACES = """package app

import (
	"io"

	"example.com/m/hook"
)

type config struct{ Keep, Flush int }

type sink struct{}

func Keep(w io.Writer) { hooks.Keep(w) }

func (s *sink) Flush(w io.Writer) { hooks.Keep(w) }

func (c *config) fill() { c.Keep = 1 }

func (c *config) flush() { c.Flush = 1 }

func keepAll(w io.Writer) { Keep(w) }
"""


def test_a_selectors_name_is_tainted_only_by_a_method_a_plain_name_only_by_a_package_level_one(tmp_path):
    built = _listing(tmp_path, {"app.go": SPACES})
    got = steady(built, VARYING, "example.com/m/app")
    # fill's c.Keep is a field: never the function Keep, which calls hook. flush's c.Flush shares its name with
    # the tainted method sink.Flush, which a selector can name: by name, tainted. keepAll calls Keep itself
    assert got == {("config", "fill")}, got


def test_nothing_is_steady_where_the_package_has_its_own_per_build_file_or_an_unlisted_one(tmp_path):
    built = _listing(tmp_path, {"app.go": APP})
    assert steady(built, {**VARYING, "example.com/m/app": "app_trace.go"}, "example.com/m/app") == frozenset()
    (tmp_path / "app" / "cgo.go").write_text('package app\n\nimport "C"\n')  # CgoFiles are not GoFiles
    assert steady(built, VARYING, "example.com/m/app") == frozenset()


def test_a_dot_import_of_the_varying_package_taints_its_file(tmp_path):
    dotted = 'package app\n\nimport . "example.com/m/hook"\n\nfunc plain() {}\n'
    built = _listing(tmp_path, {"app.go": dotted, "other.go": "package app\n\nfunc fine() {}\n"})
    assert steady(built, VARYING, "example.com/m/app") == {("", "fine")}


# A module whose `hook` package keeps the writer it is given only under the `trace` tag.
HOOK = """//go:build {constraint}

package hook

import "io"

var Kept io.Writer

func Lines(w io.Writer, xs []string) {{
	for _, x := range xs {{
		io.WriteString(w, x+"\\n")
	}}{keep}
}}
"""
REPORT = """package report

import (
	"bytes"
	"fmt"
	"io"

	"example.com/m/hook"
)

func title(w io.Writer, name string) { fmt.Fprintf(w, "# %s\\n", name) }

func lines(w io.Writer, xs []string) { hook.Lines(w, xs) }

// Title renders a header through a helper that names nothing of hook: pooled.
func Title(name string) string {
	var out bytes.Buffer
	title(&out, name)
	return out.String()
}

// Report hands its builder to a helper that calls hook.Lines, which the trace build declares otherwise.
func Report(name string, xs []string) string {
	var out bytes.Buffer
	title(&out, name)
	lines(&out, xs)
	return out.String()
}
"""
REPORT_TEST = """package report

import (
	"fmt"
	"testing"

	"example.com/m/hook"
)

func TestReportsStayApart(t *testing.T) {
	Report("first", []string{"x"})
	if hook.Kept != nil {
		fmt.Fprint(hook.Kept, "LEAK")
	}
	if got := Report("second", []string{"y"}); got != "# second\\ny\\n" {
		t.Fatalf("got %q", got)
	}
}
"""
FILES = {
    "hook/hook_plain.go": HOOK.format(constraint="!trace", keep=""),
    "hook/hook_trace.go": HOOK.format(constraint="trace", keep="\n\tKept = w"),
    "report/report.go": REPORT,
}


def test_a_helper_naming_nothing_of_a_varying_import_keeps_its_verdicts(tmp_path, toolchain):
    found = proposals(module(tmp_path / "m", FILES), RULE)["example.com/m/report"]
    by_line = {t.line: p for p in found for t in (p.targets if isinstance(p, Fix) else (p.site,))}
    title_line = REPORT.splitlines().index("\tvar out bytes.Buffer") + 1
    assert isinstance(by_line[title_line], Fix), by_line
    report_line = REPORT.splitlines().index("\tvar out bytes.Buffer", title_line) + 1
    declined = by_line[report_line]
    assert not isinstance(declined, Fix) and "another build compiles hook_trace.go" in declined.reason, declined
    # NAIVE: Report pooled as Title is: the default build's test passes, the trace build's sees another call's bytes
    naive = REPORT.replace(
        "func Report(name string, xs []string) string {\n\tvar out bytes.Buffer\n",
        "func Report(name string, xs []string) string {\n"
        "\tout := naiveBuffers.Get().(*bytes.Buffer)\n\tdefer naivePut(out)\n",
    )
    naive = naive.replace("lines(&out", "lines(out").replace("title(&out, name)\n\tlines", "title(out, name)\n\tlines")
    naive = naive.replace('\t"io"\n', '\t"io"\n\t"sync"\n') + DETERMINISTIC_POOL + NAIVE_BUILDERS
    root = module(tmp_path / "n", {**FILES, "report/report.go": naive, "report/report_test.go": REPORT_TEST})
    plain = toolchain.run(["test", "-count=1", "./..."], str(root))
    assert plain.returncode == 0, plain.stdout.decode()
    traced = toolchain.run(["test", "-count=1", "-tags", "trace", "./..."], str(root))
    assert traced.returncode != 0 and b"LEAK" in traced.stdout, traced.stdout.decode()


NAIVE_BUILDERS = """
var naiveBuffers = &naivePool{New: func() any { return new(bytes.Buffer) }}

func naivePut(b *bytes.Buffer) { b.Reset(); naiveBuffers.Put(b) }
"""


# closure: a config filled through a method. fill keeps its verdicts when it only shares a name across Go's name
# spaces with a function that calls hook (FILL's `c.Keep`); not when a selector of it names a method that does.
TRACE_HOOK = """//go:build {constraint}

package hook

var Kept *string

var Ready = make(chan struct{{}})

// Keep keeps the pointer under the trace tag only.
func Keep(p *string) {{{keep}}}

// Touch relabels what Keep kept, then lets the readers go.
func Touch() {{{touch}
	close(Ready)
}}
"""
FILL = """package app

import (
	"sync"

	"example.com/m/hook"
)

type Config struct {{
	Label string
	Keep  bool
}}

type registry struct{{}}

func (registry) note(p *string) {{ hook.Keep(p) }}

// Keep registers a label with the hook.
func Keep(p *string) {{ hook.Keep(p) }}

func (c *Config) fill() {{
	if c.Label == "" {{
		c.Label = "plain"
	}}
	{fill}
}}

// Run sends the config's label once the hook lets it, from a goroutine it waits for.
func Run(cfg Config, out chan<- string) {{
	cfg.fill()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {{
		defer wg.Done()
		<-hook.Ready
		out <- cfg.Label
	}}()
	hook.Touch()
	wg.Wait()
}}
"""
FILL_TEST = """package app

import "testing"

func TestLabel(t *testing.T) {
	out := make(chan string, 1)
	Run(Config{}, out)
	if got, want := <-out, map[bool]string{false: "plain", true: "traced"}[traced]; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
"""
TRACE_FILES = {
    "hook/hook_plain.go": TRACE_HOOK.format(constraint="!trace", keep="", touch=""),
    "hook/hook_trace.go": TRACE_HOOK.format(
        constraint="trace", keep="\n\tKept = p\n", touch='\n\tif Kept != nil {\n\t\t*Kept = "traced"\n\t}'
    ),
    "app/traced_test.go": "//go:build trace\n\npackage app\n\nconst traced = true\n",
    "app/plain_test.go": "//go:build !trace\n\npackage app\n\nconst traced = false\n",
    "app/app_test.go": FILL_TEST,
}


@pytest.mark.parametrize(
    ("fill", "proven"),
    [
        ("c.Keep = true", True),  # a field named as the tainted function Keep: another name space
        ("var r registry\n\tr.note(&c.Label)", False),  # a method that hands the label to hook: tainted
    ],
)
def test_closure_copies_a_filled_config_only_when_fill_names_nothing_of_hook(tmp_path, toolchain, fill, proven):
    source = FILL.format(fill=fill)
    found = proposals(module(tmp_path / "m", {**TRACE_FILES, "app/app.go": source}), RULES["closure"])
    site = [p for p in found["example.com/m/app"] if "moved to heap: cfg" in {e.message for e in _sites(p)}]
    assert len(site) == 1 and isinstance(site[0], Fix) == proven, site
    if proven:
        return
    assert "another build compiles hook_trace.go" in site[0].reason, site[0].reason
    # NAIVE: the copy the default build allows; the trace build's hook relabels the kept original after it
    naive = source.replace("\tgo func() {\n", "\t{\n\tcfg := cfg\n\tgo func() {\n")
    naive = naive.replace("\t}()\n\thook.Touch()", "\t}()\n\t}\n\thook.Touch()")
    root = module(tmp_path / "n", {**TRACE_FILES, "app/app.go": naive})
    assert toolchain.run(["test", "-count=1", "./..."], str(root)).returncode == 0
    traced = toolchain.run(["test", "-count=1", "-tags", "trace", "./..."], str(root))
    assert traced.returncode != 0 and b'got "plain", want "traced"' in traced.stdout, traced.stdout.decode()


def _sites(proposal) -> tuple:
    """The escapes a proposal is about: a fix's targets, a decline's site."""
    return proposal.targets if isinstance(proposal, Fix) else (proposal.site,)
