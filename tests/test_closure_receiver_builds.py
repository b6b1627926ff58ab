"""closure's pointer methods that only read their receiver, in every build (receiver_reads.py `_every_build`).

The proof reads the method's body in this build. It holds in every build without looking at the package's other
files when each method followed is declared in a file every build compiles and each field read and method called
is the receiver type's own (a test file of the package cannot redeclare them: a duplicate method, or a method named
like a field of the struct, does not compile). A file another build compiles that declares methods (net/http's
`h2_error_test.go`, behind `//go:build !nethttpomithttp2`) then holds nothing back: CLEARED is proposed, where lead
declined it. Each case of HELD escapes that shape one way, and another build (`-tags slowrender`) or `go test`
declares the method, or a method shadowing the field, otherwise: the naive copies lose a write the original makes
there (`calls` 2 against 0). Without the culprit file each is proposed, so the decline is the guard's.
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, edited, module, only_fix, proposals

from gorewrite import parameters
from gorewrite.rules import RULES

RULE = RULES["closure"]

SHOW = """package {pkg}

import "sync"

// Show renders each id in a goroutine of its own; it returns the lines and the calls counted.
func Show(ids []string) ([]string, int) {
	g := Tmpl{%s}
	out := make([]string, len(ids))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			out[i] = g.render(id)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out, g.calls
}
"""
TMPL = "type Tmpl struct {\n\ttitle string\n\titems []string\n\tcalls int\n}\n"
BASE_TMPL = "type base struct {\n\ttitle string\n\titems []string\n}\n\ntype Tmpl struct {\n\tbase\n\tcalls int\n}\n"
RANGES = (
    "func (t *Tmpl) render(id string) string {\n\ts := t.title\n\tfor _, it := range t.items {\n\t\ts += it\n\t}\n"
    "\treturn s + id\n}\n"
)
TEST = (
    'package {pkg}\n\nimport (\n\t"fmt"\n\t"testing"\n)\n\n%s\n'
    'func TestShow(t *testing.T) { fmt.Println(Show([]string{"x", "y"})) }\n'
)
COUNTS = 't.calls++\n\tyield(0, "m")'
SLOW = "//go:build slowrender\n\npackage {pkg}\n\n"
FAST = "//go:build !slowrender\n\npackage {pkg}\n\n"

# name -> (files, the file without which it is proposed, the go command showing the naive copies wrong)
HELD = {
    "method_variant": (  # render itself declared per build: the slow one counts through its receiver
        {
            "show.go": SHOW % 'title: "t"' + "\n" + TMPL,
            "render_fast.go": FAST + "func (t *Tmpl) render(id string) string { return t.title + id }\n",
            "render_slow.go": SLOW
            + "func (t *Tmpl) render(id string) string {\n\tt.calls++\n\treturn t.title + id\n}\n",
            "show_test.go": TEST % "",
        },
        "render_slow.go",
        ["test", "-tags", "slowrender", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "value_variant": (  # head, a value method here, is a pointer method that counts in the slow build
        {
            "show.go": SHOW % 'title: "t"'
            + "\n"
            + TMPL
            + "\nfunc (t *Tmpl) render(id string) string { return t.head() + id }\n",
            "head_fast.go": FAST + "func (t Tmpl) head() string { return t.title }\n",
            "head_slow.go": SLOW + "func (t *Tmpl) head() string {\n\tt.calls++\n\treturn t.title\n}\n",
            "show_test.go": TEST % "",
        },
        "head_slow.go",
        ["test", "-tags", "slowrender", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "struct_variant": (  # the slow build's Tmpl has no items field: its items method counts, and range calls it
        {
            "show.go": SHOW % 'title: "t"' + "\n" + RANGES,
            "tmpl_fast.go": FAST + TMPL,
            "tmpl_slow.go": SLOW
            + "type Tmpl struct {\n\ttitle string\n\tcalls int\n}\n\n"
            + "func (t *Tmpl) items(yield func(int, string) bool) {\n\t"
            + COUNTS
            + "\n}\n",
            "show_test.go": TEST % "",
        },
        "tmpl_slow.go",
        ["test", "-tags", "slowrender", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "promoted_field": (  # items is base's: go test's items method of Tmpl shadows it, and range calls it
        {
            "show.go": SHOW % 'base: base{title: "t"}' + "\n" + BASE_TMPL + "\n" + RANGES,
            "show_test.go": TEST % ("func (t *Tmpl) items(yield func(int, string) bool) {\n\t" + COUNTS + "\n}\n"),
        },
        "show_test.go",
        ["test", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "promoted_method": (  # the goroutine calls base's render: go test's render of Tmpl shadows it
        {
            "show.go": SHOW % 'base: base{title: "t"}'
            + "\n"
            + BASE_TMPL
            + "\nfunc (b *base) render(id string) string { return b.title + id }\n",
            "show_test.go": TEST % "func (t *Tmpl) render(id string) string {\n\tt.calls++\n\treturn t.title + id\n}\n",
        },
        "show_test.go",
        ["test", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "promoted_call": (  # render calls base's head: go test's head of Tmpl shadows it
        {
            "show.go": SHOW % 'base: base{title: "t"}'
            + "\n"
            + BASE_TMPL
            + "\nfunc (b base) head() string { return b.title }\n"
            + "\nfunc (t *Tmpl) render(id string) string { return t.head() + id }\n",
            "show_test.go": TEST % "func (t *Tmpl) head() string {\n\tt.calls++\n\treturn t.title\n}\n",
        },
        "show_test.go",
        ["test", "-run", "TestShow", "-count=1", "-v", "."],
    ),
}

# The goroutine passes &g to base's render, which reads only *t: go test's render of Renderer shadows it (a parameter
# proof's own call; adv-reach51b). A render of Renderer in the slow build alone does the same there.
PARAM_SHOW = SHOW.replace("g.render(id)", "r.render(&g, id)").replace(
    "\tout := make", "\tvar r Renderer\n\tout := make"
) + (
    "\ntype base struct{}\n\nfunc (base) render(t *Tmpl, id string) string {\n\tv := *t\n\treturn v.title + id\n}\n"
    "\ntype Renderer struct{ base }\n"
)
COUNTING_RENDER = "func (Renderer) render(t *Tmpl, id string) string {\n\tt.calls++\n\treturn t.title + id\n}\n"
HELD |= {
    "promoted_parameter": (
        {"show.go": PARAM_SHOW % 'title: "t"' + "\n" + TMPL, "show_test.go": TEST % COUNTING_RENDER},
        "show_test.go",
        ["test", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "parameter_variant": (
        {
            "show.go": PARAM_SHOW % 'title: "t"' + "\n" + TMPL,
            "render_slow.go": SLOW + COUNTING_RENDER,
            "show_test.go": TEST % "",
        },
        "render_slow.go",
        ["test", "-tags", "slowrender", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "parameter_file_variant": (  # render, given &g, only copies *t here and counts through t in the slow build
        {
            "show.go": SHOW.replace("g.render(id)", "render(&g, id)") % 'title: "t"' + "\n" + TMPL,
            "render_fast.go": FAST + "func render(t *Tmpl, id string) string {\n\tv := *t\n\treturn v.title + id\n}\n",
            "render_slow.go": SLOW + COUNTING_RENDER.replace("(Renderer) ", ""),
            "show_test.go": TEST % "",
        },
        "render_slow.go",
        ["test", "-tags", "slowrender", "-run", "TestShow", "-count=1", "-v", "."],
    ),
}

# render, given &g, hands t on to the package's draw (receiver_reads `_passed_on`): each function the hand-off
# reaches is held to the guard as the first is. draw declared per build: the slow one counts through t; or draw
# promoted from base, which go test's draw of Renderer shadows (adv-reach52g).
HANDED_SHOW = SHOW.replace("g.render(id)", "render(&g, id)") % 'title: "t"' + "\n" + TMPL
HANDED_DRAW = "func draw(t *Tmpl, id string) string {\n\tv := *t\n\treturn v.title + id\n}\n"
COUNTING_DRAW = "func draw(t *Tmpl, id string) string {\n\tt.calls++\n\treturn t.title + id\n}\n"
HELD |= {
    "handed_file_variant": (
        {
            "show.go": HANDED_SHOW + "\nfunc render(t *Tmpl, id string) string { return draw(t, id) }\n",
            "draw_fast.go": FAST + HANDED_DRAW,
            "draw_slow.go": SLOW + COUNTING_DRAW,
            "show_test.go": TEST % "",
        },
        "draw_slow.go",
        ["test", "-tags", "slowrender", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "handed_promoted": (
        {
            "show.go": HANDED_SHOW
            + "\nfunc render(t *Tmpl, id string) string {\n\tvar r Renderer\n\treturn r.draw(t, id)\n}\n"
            + "\ntype base struct{}\n\n"
            + HANDED_DRAW.replace("func ", "func (base) ")
            + "\ntype Renderer struct{ base }\n",
            "show_test.go": TEST % COUNTING_DRAW.replace("func ", "func (Renderer) "),
        },
        "show_test.go",
        ["test", "-run", "TestShow", "-count=1", "-v", "."],
    ),
}

# A chain below a field of the receiver (receiver_reads `_chain_own`): a name it selects that another build or go
# test may declare otherwise holds the proof back as a field or method of the receiver's own does.
NESTED_SHOW = SHOW.replace("g.calls", "g.in.calls")
NESTED_TMPL = "type Tmpl struct {\n\ttitle string\n\tin    inner\n}\n"
NESTED_RANGES = RANGES.replace("t.items", "t.in.items")
INNER_ITEMS = 'func (in *inner) items(yield func(int, string) bool) {\n\tin.calls++\n\tyield(0, "m")\n}\n'
HELD |= {
    "nested_promoted": (  # t.in.items is base's: go test's items method of inner shadows it, and range calls it
        {
            "show.go": NESTED_SHOW % 'title: "t"'
            + "\n"
            + NESTED_TMPL
            + "\ntype base struct{ items []string }\n\ntype inner struct {\n\tbase\n\tcalls int\n}\n\n"
            + NESTED_RANGES,
            "show_test.go": TEST % INNER_ITEMS,
        },
        "show_test.go",
        ["test", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "nested_struct_variant": (  # the slow build's inner has no items field: its items method counts
        {
            "show.go": NESTED_SHOW % 'title: "t"' + "\n" + NESTED_TMPL + "\n" + NESTED_RANGES,
            "inner_fast.go": FAST + "type inner struct {\n\titems []string\n\tcalls int\n}\n",
            "inner_slow.go": SLOW + "type inner struct{ calls int }\n\n" + INNER_ITEMS,
            "show_test.go": TEST % "",
        },
        "inner_slow.go",
        ["test", "-tags", "slowrender", "-run", "TestShow", "-count=1", "-v", "."],
    ),
    "nested_value_variant": (  # t.in.head(), a value method here, is a pointer method that counts in the slow build
        {
            "show.go": NESTED_SHOW % 'title: "t"'
            + "\n"
            + NESTED_TMPL
            + "\ntype inner struct {\n\ttitle string\n\tcalls int\n}\n"
            + "\nfunc (t *Tmpl) render(id string) string { return t.in.head() + id }\n",
            "head_fast.go": FAST + "func (in inner) head() string { return in.title }\n",
            "head_slow.go": SLOW + "func (in *inner) head() string {\n\tin.calls++\n\treturn in.title\n}\n",
            "show_test.go": TEST % "",
        },
        "head_slow.go",
        ["test", "-tags", "slowrender", "-run", "TestShow", "-count=1", "-v", "."],
    ),
}

# A local pointer the goroutine takes (`p := &g`, then `p.render(id)`: receiver_reads `pointer_reads_only`) is held
# back the same way: render declared per build, the slow one counting through its receiver.
HELD |= {
    "pointer_variant": (
        {
            **HELD["method_variant"][0],
            "show.go": SHOW.replace("g.render(id)", "p.render(id)").replace(
                "\t\t\tmu.Lock()\n", "\t\t\tp := &g\n\t\t\tmu.Lock()\n"
            )
            % 'title: "t"'
            + "\n"
            + TMPL,
        },
        "render_slow.go",
        ["test", "-tags", "slowrender", "-run", "TestShow", "-count=1", "-v", "."],
    ),
}

# The proof holds in every build: in-package test files, one behind a build constraint, declare other methods.
CLEARED = {
    "show.go": SHOW % 'title: "t", items: []string{"a"}' + "\n" + TMPL + "\n" + RANGES,
    "race_test.go": "//go:build race\n\npackage {pkg}\n\ntype sink struct{ n int }\n\n"
    "func (s *sink) Write(p []byte) (int, error) {\n\ts.n++\n\treturn len(p), nil\n}\n",
    "show_test.go": TEST % "type label string\n\nfunc (l label) String() string { return string(l) }\n",
}


def _files(pkg: str, files: dict[str, str], leave_out: str = "") -> dict[str, str]:
    return {f"{pkg}/{name}": text.replace("{pkg}", pkg) for name, text in files.items() if name != leave_out}


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    root = tmp_path_factory.mktemp("receiver-builds")
    files = _files("cleared", CLEARED)
    for name, (case, culprit, _) in HELD.items():
        files |= _files(name, case) | _files(f"{name}_alone", case, culprit)
    module(root, files, go="1.23")
    return {pkg.rsplit("/", 1)[-1]: results for pkg, results in proposals(root, RULE).items()}


def test_methods_of_other_builds_hold_nothing_back(found):
    source = CLEARED["show.go"].replace("{pkg}", "cleared")
    assert "\t\t\tg := g // read once: its pointer methods only read it\n" in edited(source, only_fix(found["cleared"]))


def _held_by(name: str) -> str:
    """The decline names the call and the file that holds the proof back: another build's, or go test's."""
    culprit = HELD[name][1]
    line, call = {  # the parameter cases pass &g to render: the decline says so
        "promoted_parameter": (17, "passed to r.render, which gorewrite cannot prove only reads through it"),
        "parameter_variant": (17, "passed to r.render, which gorewrite cannot prove only reads through it"),
        "parameter_file_variant": (16, "passed to render, which gorewrite cannot prove only reads through it"),
        "handed_file_variant": (16, "passed to render, which gorewrite cannot prove only reads through it"),
        "handed_promoted": (16, "passed to render, which gorewrite cannot prove only reads through it"),
        "pointer_variant": (15, "by p := &…, a local pointer gorewrite cannot prove only reads through it"),
    }.get(name, (16, "by g.render, which gorewrite cannot prove only reads it"))
    said = f"the address of g is taken at or after the statement making the closure (line {line}), {call}: "
    if culprit.endswith("_test.go"):
        return f"{said}go test compiles {culprit}, which may declare a method"
    return f"{said}another build compiles {culprit}, where"


@pytest.mark.parametrize("name", list(HELD))
def test_declines(found, name):
    assert_declines(found[name], _held_by(name))


@pytest.mark.parametrize("name", list(HELD))
def test_proposed_without_the_culprit(found, name):
    only_fix(found[f"{name}_alone"])


def _naive(source: str) -> str:
    return source.replace("\t\tgo func() {\n", "\t\tg := g\n\t\tgo func() {\n\t\t\tg := g\n")


@pytest.mark.parametrize("name", list(HELD))
def test_the_naive_rewrite_is_wrong(tmp_path, toolchain, name):
    case, _, command = HELD[name]
    naive = {**case, "show.go": _naive(case["show.go"])}
    assert naive["show.go"] != case["show.go"]
    module(tmp_path, _files("o", case) | _files("n", naive), go="1.23")
    ran = [toolchain.run(command, str(tmp_path / pkg)) for pkg in "on"]
    assert all(r.returncode == 0 for r in ran), [r.stderr.decode() + r.stdout.decode() for r in ran]
    original, copied = (next(line for line in r.stdout.decode().splitlines() if line.startswith("[")) for r in ran)
    assert original.endswith(" 2") and copied.endswith(" 0"), (original, copied)


# The tagged cases: retention also holds them in a module (parameters.varying: another build may give render other
# verdicts), but std is judged as one build there, so receiver_reads' guard alone must hold them: set varying aside.
TAGGED = (
    "method_variant",
    "value_variant",
    "struct_variant",
    "parameter_variant",
    "parameter_file_variant",
    "handed_file_variant",
    "nested_struct_variant",
    "nested_value_variant",
    "pointer_variant",
)


@pytest.fixture(scope="module")
def found_as_std(tmp_path_factory):
    root = tmp_path_factory.mktemp("receiver-builds-std")
    module(root, {path: text for name in TAGGED for path, text in _files(name, HELD[name][0]).items()}, go="1.23")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parameters, "varying", lambda listing, import_paths: {})
        return {pkg.rsplit("/", 1)[-1]: results for pkg, results in proposals(root, RULE).items()}


@pytest.mark.parametrize("name", TAGGED)
def test_declines_where_retention_judges_one_build(found_as_std, name):
    assert_declines(found_as_std[name], _held_by(name))


# render only reads its receiver, in a file every build compiles, but the package has a file another build compiles
# (stamp_other.go): the compiler's verdicts on render hold for this build only, so retention holds the site back
# (conservatively: the other stamp cannot reach g), and the decline says so, not only where the address is taken.
CLOCKED = {
    "show.go": """package clocked

import "sync"

type Tmpl struct {
	title string
	width int
}

func (t *Tmpl) render(id string) string {
	return t.title + id[:min(len(id), t.width)] + stamp()
}

// Show renders each id in a goroutine of its own.
func Show(ids []string) []string {
	g := Tmpl{title: "t", width: 4}
	out := make([]string, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = g.render(id)
		}()
	}
	wg.Wait()
	return out
}
""",
    "stamp_linux.go": 'package clocked\n\nfunc stamp() string { return "linux" }\n',
    "stamp_other.go": '//go:build !linux\n\npackage clocked\n\nfunc stamp() string { return "other" }\n',
}


def test_the_decline_says_what_the_compiler_leaves_unknown(tmp_path):
    module(tmp_path, {f"clocked/{name}": text for name, text in CLOCKED.items()}, go="1.23")
    found = proposals(tmp_path, RULE)["example.com/m/clocked"]
    assert_declines(
        found,
        "the address of g is taken at or after the statement making the closure (line 23), by g.render, which only "
        "reads it but may keep it: g is the receiver of g.render, of which another build compiles stamp_other.go: "
        "what it keeps may differ there",
    )
