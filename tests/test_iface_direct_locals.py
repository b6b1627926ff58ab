"""iface-direct on a local interface variable read back by several assertions (several.py).

`var v any = &cfg` asserted to two optional interfaces: go1.24/1.25 move cfg to the heap (go1.26+ see
through a local `any` assigned once: no site there), and while one assertion still reads v the value
leaks through it, so every assertion is rewritten together and v goes. The proposals are made under
go1.24.11; each fix is measured (testing.AllocsPerRun under the pinned release and go1.24.11), each
decline keeps the rewrite a careless rule would make (NAIVE) and a test shows what goes wrong with it.
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_naive_is_wrong, edited, naive_mutants, proposals, releases
from conftest import module as write_module
from test_iface_direct import RULE, replace_all

from gorewrite.proposals import Declined, Fix

LEVEL = """
type level struct{ n int }

func (l *level) String() string { return "L" + strconv.Itoa(l.n) }
func (l *level) Bump()          { l.n++ }

type bumper interface{ Bump() }
"""


def package(name: str, imports: str, body: str) -> str:
    return f"package {name}\n\n{imports}\n{LEVEL}\n{body}"


# case -> (Go source, what the rewritten file must contain, a call AllocsPerRun measures)
FIXES = {
    # the optional-interface idiom (probe34a multi-assert-local-any): both assertions succeed
    "optional_interfaces": (
        package(
            "optional_interfaces",
            'import (\n\t"errors"\n\t"strconv"\n)',
            """type Defaulter interface{ SetDefaults() }
type Validator interface{ Validate() error }

type Config struct{ Workers int }

func (c *Config) SetDefaults() { c.Workers = max(1, c.Workers) }
func (c *Config) Validate() error {
	if c.Workers > 64 {
		return errors.New("too many workers: " + strconv.Itoa(c.Workers))
	}
	return nil
}

// Normalize fills in defaults and validates, for whichever the configuration supports.
func Normalize(cfg Config) (Config, error) {
	var v any = &cfg
	if d, ok := v.(Defaulter); ok {
		d.SetDefaults()
	}
	if val, ok := v.(Validator); ok {
		if err := val.Validate(); err != nil {
			return Config{}, err
		}
	}
	return cfg, nil
}
""",
        ),
        "\t{\n\t\td := Defaulter(&cfg)\n\t\td.SetDefaults()\n\t}\n\t{\n\t\tval := Validator(&cfg)\n",
        "{pkg}.Normalize({pkg}.Config{})",
    ),
    # an assertion, then a type switch of the same local: the case it takes, the code after it dead
    "switch_and_assertion": (
        package(
            "switch_and_assertion",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """// Describe bumps the level if it can, then names it by what it is.
func Describe(n int) string {
	lv := level{n}
	var v any = &lv
	if b, ok := v.(bumper); ok {
		b.Bump()
	}
	switch x := v.(type) {
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "level " + x.String()
	}
	return "other"
}
""",
        ),
        "\t{\n\t\tb := bumper(&lv)\n\t\tb.Bump()\n\t}\n"
        '\t{\n\t\tx := fmt.Stringer(&lv)\n\t\treturn "level " + x.String()\n\t}\n}\n',
        "{pkg}.Describe(4)",
    ),
    # an interface the value's type does not implement (go/types): ok is false, that if goes, its else stays
    "one_fails": (
        package(
            "one_fails",
            'import (\n\t"io"\n\t"strconv"\n)',
            """type closer interface{ Close() error }

type tally struct{ n int }

func (t *tally) Write(p []byte) (int, error) {
	t.n += len(p)
	return len(p), nil
}

// Flush writes the lines to the tally, closing it first if it is a closer.
func Flush(lines []string) string {
	var t tally
	var v any = &t
	state := "open"
	if c, ok := v.(closer); ok {
		c.Close()
		state = "closed"
	} else {
		state += " (not closable)"
	}
	if w, ok := v.(io.Writer); ok {
		for _, l := range lines {
			w.Write([]byte(l))
		}
	}
	return state + " " + strconv.Itoa(t.n)
}
""",
        ),
        '\tstate := "open"\n\t{\n\t\tstate += " (not closable)"\n\t}\n\t{\n\t\tw := io.Writer(&t)\n',
        '{pkg}.Flush([]string{"ab", "c"})',
    ),
    # a value (not its address) stored: both assertions convert the unchanged value
    "value_stored": (
        package(
            "value_stored",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type grade int

func (g grade) String() string { return "G" + strconv.Itoa(int(g)) }
func (g grade) Severe() bool   { return g > 2 }

type severe interface{ Severe() bool }

// Tag names a grade, marked when it is severe.
func Tag(n int) string {
	g := grade(n)
	var v any = g
	tag := ""
	if s, ok := v.(severe); ok {
		if s.Severe() {
			tag = "!"
		}
	}
	if st, ok := v.(fmt.Stringer); ok {
		tag += st.String()
	}
	return tag
}
""",
        ),
        "\t{\n\t\ts := severe(g)\n",
        "{pkg}.Tag(300)",
    ),
}

# go1.26+ devirtualize both assertions through v and report no escape: 0 -> 0 there. With a type switch or
# an interface the value does not implement among the reads, go1.27.3 still moves the value to the heap.
FIXES["failing_after_return"] = (  # the failing check's ok goes with the code after a returning success (adv34f)
    package(
        "failing_after_return",
        'import (\n\t"fmt"\n\t"strconv"\n)',
        """type closer interface{ Close() error }

// Describe bumps the level and names it, unless only the flag is asked for.
func Describe(n int, flag bool) string {
	lv := level{n}
	var v any = &lv
	if flag {
		return "flag"
	}
	if b, ok := v.(bumper); ok {
		b.Bump()
		return v.(fmt.Stringer).String()
	}
	if c, ok := v.(closer); ok {
		c.Close()
	}
	return "after"
}
""",
    ),
    "\t{\n\t\tb := bumper(&lv)\n\t\tb.Bump()\n\t\treturn fmt.Stringer(&lv).String()\n\t}\n}",
    "{pkg}.Describe(3, false)",
)

# every assertion fails (the optional interface the codec lacks) and the other reads are calls through v: the
# calls go to &lv, the failing check goes as never run, and v goes (probe43's EncodeLines)
FIXES["calls_beside_failing_check"] = (
    package(
        "calls_beside_failing_check",
        'import "strconv"',
        """type closer interface{ Close() error }

// Count bumps the level once per event, closing it if it holds anything, and names it.
func Count(n int, events []string) string {
	lv := level{n}
	var v bumper = &lv
	for range events {
		v.Bump()
	}
	if c, ok := v.(closer); ok {
		c.Close()
	}
	return lv.String()
}
""",
    ),
    "\tfor range events {\n\t\t(&lv).Bump()\n\t}\n\treturn lv.String()",
    '{pkg}.Count(1, []string{"a", "b"})',
)

SEEN_THROUGH_FROM_GO126 = {"optional_interfaces", "value_stored"}

# case -> (Go source, a part of the reason it declines; None: not even a candidate, so no fix)
DECLINES = {
    # v points to another level between the assertions
    "reassigned_between": (
        package(
            "reassigned_between",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """// Pair names a level, then the next one.
func Pair(n int) string {
	a, b := level{n}, level{n + 1}
	var v any = &a
	first := v.(fmt.Stringer).String()
	v = &b
	return first + v.(fmt.Stringer).String()
}
""",
        ),
        "v is assigned after its declaration",
    ),
    # v itself is passed to a function besides the assertions
    "passed_to_function": (
        package(
            "passed_to_function",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """// Report bumps the level and prints it twice.
func Report(n int) string {
	lv := level{n}
	var v any = &lv
	if b, ok := v.(bumper); ok {
		b.Bump()
	}
	return fmt.Sprint(v) + v.(fmt.Stringer).String()
}
""",
        ),
        "v is read elsewhere",
    ),
    # one assertion runs in a closure returned to the caller
    "assertion_in_closure": (
        package(
            "assertion_in_closure",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """// Later bumps the level now and names it when called.
func Later(n int) func() string {
	lv := level{n}
	var v any = &lv
	if b, ok := v.(bumper); ok {
		b.Bump()
	}
	return func() string { return v.(fmt.Stringer).String() }
}
""",
        ),
        "is in a func literal",
    ),
    # one assertion runs in a goroutine
    "assertion_in_goroutine": (
        package(
            "assertion_in_goroutine",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """// Async bumps the level and names it from another goroutine.
func Async(n int) string {
	lv := level{n}
	var v any = &lv
	if b, ok := v.(bumper); ok {
		b.Bump()
	}
	done := make(chan string)
	go func() { done <- v.(fmt.Stringer).String() }()
	return <-done
}
""",
        ),
        "is in a func literal",
    ),
    # what v holds is an interface variable: its dynamic type is not the static one (io.Reader)
    "interface_stored": (
        package(
            "interface_stored",
            'import (\n\t"io"\n\t"strconv"\n)',
            """type tape struct {
	data []byte
	pos  int
}

func (t *tape) Read(p []byte) (int, error) {
	if t.pos >= len(t.data) {
		return 0, io.EOF
	}
	n := copy(p, t.data[t.pos:])
	t.pos += n
	return n, nil
}

func (t *tape) Seek(off int64, _ int) (int64, error) {
	t.pos = int(off)
	return off, nil
}

// Peek skips the first byte when the source can seek, then reads the next.
func Peek(data []byte) string {
	t := tape{data: data}
	var r io.Reader = &t
	var v any = r
	if s, ok := v.(io.Seeker); ok {
		s.Seek(1, io.SeekStart)
	}
	buf := make([]byte, 1)
	if rr, ok := v.(io.Reader); ok {
		rr.Read(buf)
	}
	return string(buf) + strconv.Itoa(t.pos)
}
""",
        ),
        None,  # no site: the value moved to heap is stored in r, which no assertion reads
    ),
    # a loop asserts v and writes it
    "loop_writes_v": (
        package(
            "loop_writes_v",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """// Chain bumps and names a level, then the next.
func Chain(n int) string {
	a, b := level{n}, level{n + 10}
	var v any = &a
	out := ""
	for i := 0; i < 2; i++ {
		if bu, ok := v.(bumper); ok {
			bu.Bump()
		}
		out += v.(fmt.Stringer).String()
		v = &b
	}
	return out
}
""",
        ),
        "v is assigned after its declaration",
    ),
    # probe34b errs.Local: err.Error() is a method call through the interface, ok is read in an expression
    "error_method_read": (
        package(
            "error_method_read",
            'import "strconv"',
            """type tempErr string

func (e tempErr) Error() string   { return string(e) + strconv.Itoa(len(e)) }
func (e tempErr) Temporary() bool { return true }

// Local boxes a local error and asks it whether it is temporary and says msg.
func Local(msg string) bool {
	te := tempErr(msg)
	var err error = te
	t, ok := err.(interface{ Temporary() bool })
	return ok && t.Temporary() && err.Error() == msg+strconv.Itoa(len(msg))
}
""",
        ),
        "err is read elsewhere",
    ),
    # the else of a failing assertion reads its ok, which an outer ok would then mean
    "else_reads_ok": (
        package(
            "else_reads_ok",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type closer interface{ Close() error }

// Note names the level, saying whether it was closed or had no name.
func Note(n int, name string) string {
	lv := level{n}
	ok := name != ""
	var v any = &lv
	note := name
	if c, ok := v.(closer); ok {
		c.Close()
	} else if !ok {
		note += " not closable"
	}
	_ = ok
	return note + v.(fmt.Stringer).String()
}
""",
        ),
        "whose ok is read nowhere else",
    ),
    # the failing check's else returns: standing alone, it leaves the code after the if dead (adv34f)
    "else_returns": (
        package(
            "else_returns",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type closer interface{ Close() error }

// State bumps the level and says whether it is still open.
func State(n int) string {
	lv := level{n}
	var v any = &lv
	v.(bumper).Bump()
	if c, ok := v.(closer); ok {
		c.Close()
	} else {
		return "open " + v.(fmt.Stringer).String()
	}
	return "closed"
}
""",
        ),
        "go vet would report line 27 after it unreachable",
    ),
    # the else of a failing assertion names its value, which the rewrite removes
    "else_reads_value": (
        package(
            "else_reads_value",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type closer interface{ Close() error }

// Closed names the level, and what it was asserted as when it could not be closed.
func Closed(n int) string {
	lv := level{n}
	var v any = &lv
	note := "closed "
	if c, ok := v.(closer); ok {
		c.Close()
	} else {
		note = fmt.Sprint(c) + " "
	}
	return note + v.(fmt.Stringer).String()
}
""",
        ),
        "the else of the if at line 22 names c",
    ),
    # an assertion inside the case the type switch takes: the block copies it, the switch's edit covers it
    "deferred_call_beside_failing_check": (
        replace_all(
            ("\tvar v closer = &t\n", ""),
            ("\tdefer v.Close()\n", "\tdefer (&t).Close()\n"),
            ("\tif f, ok := v.(flusher); ok {\n\t\tf.Flush()\n\t}\n", ""),
        ),
        'fmt.Sprint({pkg}.Retag("x"), {pkg}.Closed)',
    ),
    "assertion_in_taken_case": (
        package(
            "assertion_in_taken_case",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """// Bumped names the level after bumping it, when it has a name.
func Bumped(n int) string {
	lv := level{n}
	var v any = &lv
	switch x := v.(type) {
	case fmt.Stringer:
		v.(bumper).Bump()
		return x.String()
	}
	return "none"
}
""",
        ),
        "is inside code another one's rewrite replaces",
    ),
}

# calls through v beside a failing check, one of them deferred: `defer v.Close()` runs the value method on t as
# it is when the function returns, `defer (&t).Close()` copies t at the defer statement
DECLINES["deferred_call_beside_failing_check"] = (
    package(
        "deferred_call_beside_failing_check",
        'import "strconv"',
        """type flusher interface{ Flush() error }

type closer interface{ Close() error }

type tag struct{ s string }

// Closed lists the tags closed, as they were named then.
var Closed []string

func (t tag) Close() error {
	Closed = append(Closed, t.s)
	return nil
}

// Retag renames a tag, closing it when it returns (flushing it first if it buffers).
func Retag(s string) string {
	t := tag{s}
	var v closer = &t
	defer v.Close()
	if f, ok := v.(flusher); ok {
		f.Flush()
	}
	t.s = s + "!"
	return t.s
}
""",
    ),
    "called by a defer statement",
)

STRINGER = ("v.(fmt.Stringer)", "fmt.Stringer(&a)")
# case -> (the rewrite going by the spelling, a probe whose value it changes or what the compiler says)
NAIVE = {
    "reassigned_between": (
        replace_all(("\tvar v any = &a\n", ""), STRINGER, ("\tv = &b\n", "\t_ = b\n"), STRINGER),
        "{pkg}.Pair(3)",
    ),
    "passed_to_function": (
        replace_all(
            ("\tvar v any = &lv\n", ""),
            ("\tif b, ok := v.(bumper); ok {", "\t{\n\t\tb := bumper(&lv)"),
            ("v.(fmt.Stringer)", "fmt.Stringer(&lv)"),
        ),
        "undefined: v",
    ),
    # the closure captures lv: it stays on the heap, the rewrite pays nothing
    "assertion_in_closure": (
        replace_all(
            ("\tvar v any = &lv\n", ""),
            ("\tif b, ok := v.(bumper); ok {", "\t{\n\t\tb := bumper(&lv)"),
            ("v.(fmt.Stringer)", "fmt.Stringer(&lv)"),
        ),
        "moved to heap: lv",
    ),
    "assertion_in_goroutine": (
        replace_all(
            ("\tvar v any = &lv\n", ""),
            ("\tif b, ok := v.(bumper); ok {", "\t{\n\t\tb := bumper(&lv)"),
            ("v.(fmt.Stringer)", "fmt.Stringer(&lv)"),
        ),
        "moved to heap: lv",
    ),
    "interface_stored": (
        replace_all(
            ("\tvar v any = r\n", ""),
            ("\tif s, ok := v.(io.Seeker); ok {", "\t{\n\t\ts := io.Seeker(r)"),
            ("\tif rr, ok := v.(io.Reader); ok {", "\t{\n\t\trr := io.Reader(r)"),
        ),
        "does not implement io.Seeker",
    ),
    "loop_writes_v": (
        replace_all(
            ("\tvar v any = &a\n", ""),
            ("\t\tif bu, ok := v.(bumper); ok {", "\t\t{\n\t\t\tbu := bumper(&a)"),
            STRINGER,
            ("\t\tv = &b\n", "\t\t_ = b\n"),
        ),
        "{pkg}.Chain(1)",
    ),
    "error_method_read": (
        replace_all(
            ("\tvar err error = te\n", ""),
            ("\tt, ok := err.(interface{ Temporary() bool })", "\tt, ok := interface{ Temporary() bool }(te), true"),
        ),
        "undefined: err",
    ),
    "else_reads_ok": (
        replace_all(
            ("\tvar v any = &lv\n", ""),
            ("\tif c, ok := v.(closer); ok {\n\t\tc.Close()\n\t} else if !ok {", "\tif !ok {"),
            ("v.(fmt.Stringer)", "fmt.Stringer(&lv)"),
        ),
        '{pkg}.Note(2, "x")',
    ),
    "else_reads_value": (
        replace_all(
            ("\tvar v any = &lv\n", ""),
            ("\tif c, ok := v.(closer); ok {\n\t\tc.Close()\n\t} else {", "\t{"),
            ("v.(fmt.Stringer)", "fmt.Stringer(&lv)"),
        ),
        "undefined: c",
    ),
    "deferred_call_beside_failing_check": (
        replace_all(
            ("\tvar v closer = &t\n", ""),
            ("\tdefer v.Close()\n", "\tdefer (&t).Close()\n"),
            ("\tif f, ok := v.(flusher); ok {\n\t\tf.Flush()\n\t}\n", ""),
        ),
        'fmt.Sprint({pkg}.Retag("x"), {pkg}.Closed)',
    ),
    "assertion_in_taken_case": (
        replace_all(
            ("\tvar v any = &lv\n", ""),
            ("\tswitch x := v.(type) {\n\tcase fmt.Stringer:\n", "\t{\n\t\tx := fmt.Stringer(&lv)\n"),
            ('\treturn "none"\n', ""),
        ),
        "undefined: v",
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    """Under go1.24.11: go1.26+ report no escape for a local interface variable assigned once."""
    root = tmp_path_factory.mktemp("iface-locals")
    cases = {name: entry[0] for name, entry in {**FIXES, **DECLINES}.items()}
    write_module(root, {f"{name}/{name}.go": code for name, code in cases.items()})
    found = proposals(root, RULE, toolchains=[releases()[1]])
    return {pkg.rsplit("/", 1)[-1]: results for pkg, results in found.items()}


def _fix(proposed, name: str) -> Fix:
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    return fix


@pytest.mark.parametrize("name", list(FIXES))
def test_every_assertion_of_the_local_is_rewritten_together(proposed, name):
    fix = _fix(proposed, name)
    source = FIXES[name][0]
    after = edited(source, fix)
    assert FIXES[name][1] in after, after
    assert "var v any" not in after and "v.(" not in after, after


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    found = proposed.get(name, [])
    if DECLINES[name][1] is None:
        assert not any(isinstance(p, Fix) for p in found), found
        return
    assert found and all(isinstance(p, Declined) for p in found), found
    assert any(DECLINES[name][1] in p.reason for p in found), [p.reason for p in found]


@pytest.fixture(scope="module")
def mutants(tmp_path_factory):
    """Built by go1.24.11, which reports what stays on the heap for these locals."""
    return naive_mutants(tmp_path_factory.mktemp("iface-locals-naive"), releases()[1], DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, proposed):
    """Per release: case -> (AllocsPerRun of the original, of the rewrite, their results)."""
    cases = {name: (source, edited(source, _fix(proposed, name)), call) for name, (source, _, call) in FIXES.items()}
    return allocs_of(tmp_path_factory.mktemp("iface-locals-allocs"), cases)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", list(FIXES))
def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
    """Fewer allocations under both, except where go1.26+ see through v already (no site there)."""
    toolchain = releases()[release]
    before, after, result, rewritten = allocs[toolchain.version][name]
    assert result == rewritten, (result, rewritten)
    if name in SEEN_THROUGH_FROM_GO126 and toolchain.minor >= 26:
        assert after == before, (toolchain.version, before, after)
    else:
        assert after < before, (toolchain.version, before, after)


def test_the_naive_rewrite_of_an_else_that_returns_fails_go_vet(tmp_path):
    """The failing check dropped and its returning else standing alone: the compiler accepts it, go vet does not."""
    naive = replace_all(
        ("\tvar v any = &lv\n", ""),
        ("v.(bumper)", "bumper(&lv)"),
        ("\tif c, ok := v.(closer); ok {\n\t\tc.Close()\n\t} else {", "\t{"),
        ("v.(fmt.Stringer)", "fmt.Stringer(&lv)"),
    )(DECLINES["else_returns"][0])
    root = write_module(tmp_path, {"else_returns/else_returns.go": naive})
    toolchain = releases()[0]
    assert toolchain.run(["build", "./..."], str(root)).returncode == 0
    vet = toolchain.run(["vet", "./..."], str(root))
    assert vet.returncode != 0 and b"unreachable code" in vet.stderr, vet.stderr.decode()
