"""iface-direct on a comma-ok ok read in its if's condition (condition.py): `if t, ok := r.err.(timeouter); ok &&
t.Timeout() {`, the idiom of net.Error checks, `!ok || !t.Timeout()`, `X && ok`, `(ok && X) || Y`, `ok || X`. The
assertion cannot fail any more, so ok is true and the condition folds by Go's short-circuit rules: to the rest, the
if and its else kept (`if t := timeouter(&te); t.Timeout() {`), or to true, the if a block and its else gone. With a
failing assertion among a local's reads, ok is false: under `ok && X` the if goes as never run, its else in its
place; where the body may still run (`!ok || X`, `ok || X`) it declines. Declined, each with its naive rewrite: ok
declared before the if (a later read keeps the old value), ok read in the else (it would mean nothing), the failing
`!ok || X` and `ok || X` (the naive removal skips the body that ran), an operand run before ok whose result the fold
would discard (`logged(r) || ok`, a failing `try() && ok`: the naive fold drops what it does, and the compiler
verifies it). AllocsPerRun under both releases."""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals, releases
from conftest import module as write_module
from test_iface_direct import RULE

from gorewrite.proposals import Fix

HEAD = """package {name}

import "strconv"

type timeouter interface{{ Timeout() bool }}

type netErr struct {{
	op   string
	slow bool
}}

func (e *netErr) Error() string   {{ return e.op + ": failed" }}
func (e *netErr) Timeout() bool   {{ return e.slow }}
func (e *netErr) Temporary() bool {{ return e.slow }}

var _ = strconv.Itoa

type reply struct {{
	id  int
	err error
}}
"""


def package(name: str, body: str) -> str:
    return HEAD.format(name=name) + "\n" + body


FIXES = {
    # a worker's reply: retry a timeout, fail anything else
    "field_guard": (
        package(
            "field_guard",
            """// Classify says what to do with the reply to op.
func Classify(id int, op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	if t, ok := r.err.(timeouter); ok && t.Timeout() {
		return "retry " + strconv.Itoa(r.id)
	} else {
		return "fail " + strconv.Itoa(r.id)
	}
}

// Both classifies a slow dial and a failed read.
func Both() string { return Classify(7, "dial", true) + Classify(8, "read", false) }
""",
        ),
        "\tif t := timeouter(&ne); t.Timeout() {\n",
        "{pkg}.Both()",
    ),
    # three operands: ok is the left end of `(ok && t.Timeout()) && t.Temporary()`
    "element_chain": (
        package(
            "element_chain",
            """// Retryable says whether the first error of a batch may be retried.
func Retryable(op string, slow bool) bool {
	ne := netErr{op: op, slow: slow}
	errs := [...]any{&ne, "ignored"}
	if t, ok := errs[0].(interface {
		Timeout() bool
		Temporary() bool
	}); ok && t.Timeout() && t.Temporary() {
		return len(errs) == 2
	}
	return false
}

// Either asks for a slow dial and a failed read.
func Either() bool { return Retryable("dial", true) != Retryable("read", false) }
""",
        ),
        "}(&ne); t.Timeout() && t.Temporary() {\n",
        "{pkg}.Either()",
    ),
    # the negated guard: `!ok || !t.Timeout()` is `!t.Timeout()` once ok is true; the code after the if stays
    "negated_guard": (
        package(
            "negated_guard",
            """// Give says whether the worker gives up on the reply to op, and why.
func Give(id int, op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	if t, ok := r.err.(timeouter); !ok || !t.Timeout() {
		return "give up " + strconv.Itoa(r.id)
	}
	return "retry " + strconv.Itoa(r.id)
}

// Both asks for a slow dial and a failed read.
func Both() string { return Give(7, "dial", true) + Give(8, "read", false) }
""",
        ),
        "\tif t := timeouter(&ne); !t.Timeout() {\n",
        "{pkg}.Both()",
    ),
    # ok last: the limit is checked first, as before, and ok is true
    "ok_last": (
        package(
            "ok_last",
            """// Retry says whether the attempt-th reply to op may be retried.
func Retry(attempt int, op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	r := reply{id: attempt, err: &ne}
	if t, ok := r.err.(timeouter); r.id < 3 && ok {
		return "retry " + strconv.FormatBool(t.Timeout())
	}
	return "stop " + strconv.Itoa(r.id)
}

// Both asks for a first and a fourth attempt.
func Both() string { return Retry(1, "dial", true) + Retry(4, "read", false) }
""",
        ),
        "\tif t := timeouter(&ne); r.id < 3 {\n",
        "{pkg}.Both()",
    ),
    # a guard grouped before another operand: `(ok && t.Timeout()) || r.id == 0` is `t.Timeout() || r.id == 0`
    "grouped_guard": (
        package(
            "grouped_guard",
            """// Retry says whether the reply to op is retried: a timeout, or the first probe.
func Retry(id int, op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	if t, ok := r.err.(timeouter); (ok && t.Timeout()) || r.id == 0 {
		return "retry " + strconv.Itoa(r.id)
	}
	return "fail " + strconv.Itoa(r.id)
}

// All asks for a probe, a slow dial and a failed read.
func All() string { return Retry(0, "probe", false) + Retry(7, "dial", true) + Retry(8, "read", false) }
""",
        ),
        "\tif t := timeouter(&ne); t.Timeout() || r.id == 0 {\n",
        "{pkg}.All()",
    ),
}

DECLINES = {
    # ok is an earlier variable the assertion assigns: the rewrite would leave it false for the return
    "ok_assigned": (
        package(
            "ok_assigned",
            """// Check reports whether op should be retried, and whether its error could say so at all.
func Check(op string, slow bool) (bool, bool) {
	ne := netErr{op: op, slow: slow}
	r := reply{id: 1, err: &ne}
	var t timeouter
	ok := false
	if t, ok = r.err.(timeouter); ok && t.Timeout() {
		return true, ok
	}
	return false, ok
}
""",
        ),
        "ok is not declared by the assertion",
    ),
    # ok is read again in the else: removing it leaves that read undefined
    "ok_in_else": (
        package(
            "ok_in_else",
            """// Plan says what to do with op's error.
func Plan(op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	r := reply{id: 2, err: &ne}
	if t, ok := r.err.(timeouter); ok && t.Timeout() {
		return "retry"
	} else if !ok {
		return "fatal"
	}
	return "wait"
}
""",
        ),
        "read outside the condition of the if declaring it",
    ),
}

# a failing assertion under `!ok || X`: ok is false, so the condition is true and the body always ran (unlike `ok &&
# X`, whose if goes as never run); the naive rewrite removes the if as if it never ran, and counts nothing skipped
DECLINES["failing_negated"] = (
    package(
        "failing_negated",
        """type closer interface{ Close() error }

// Skipped counts the errors that could not be closed, and says whether op timed out.
func Skipped(op string, slow bool) string {
	skipped := 0
	ne := netErr{op: op, slow: slow}
	var v any = &ne
	if c, ok := v.(closer); !ok || c.Close() != nil {
		skipped++
	}
	if t, ok := v.(timeouter); ok && t.Timeout() {
		return "timeout " + strconv.Itoa(skipped)
	}
	return "other " + strconv.Itoa(skipped)
}
""",
    ),
    "only an `if …, ok := …; ok {` whose ok is read nowhere else can go as never run",
)

DECLINES["failing_label"] = (
    package(
        "failing_label",
        """type flusher interface{ Flush() error }

// Total adds the delays of a batch's replies, stopping at the first that could be flushed.
func Total(ops []string, slow bool) int {
	total := 0
	ne := netErr{slow: slow}
	var v any = &ne
scan:
	for _, op := range ops {
		ne.op = op
		if f, ok := v.(flusher); ok && f.Flush() == nil {
			break scan
		}
		if t, ok := v.(timeouter); ok && t.Timeout() {
			total += len(op)
		}
	}
	return total
}
""",
    ),
    "removing it would leave label scan defined and not used",
)

# with ok true `logged(r) || ok` is true, but logged runs first and counts: making the if a block drops that count
DECLINES["effect_before_ok"] = (
    package(
        "effect_before_ok",
        """var seen int

func logged(r reply) bool {
	seen++
	return r.id < 0
}

// Check says whether op's error timed out, and how many replies were logged.
func Check(op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	r := reply{id: 1, err: &ne}
	if t, ok := r.err.(timeouter); logged(r) || ok {
		return strconv.FormatBool(t.Timeout()) + " " + strconv.Itoa(seen)
	}
	return "none"
}
""",
    ),
    "`logged(r)` runs before ok",
)

# a failing assertion (*netErr has no Close) under `try() && ok`: ok is false, yet try ran and counted; the naive
# rewrite removes the if as if nothing in it ran
DECLINES["failing_effect"] = (
    package(
        "failing_effect",
        """type closer interface{ Close() error }

var tries int

func try() bool {
	tries++
	return true
}

// Report closes what can be closed, and says whether op timed out and how often it tried.
func Report(op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	var v any = &ne
	if c, ok := v.(closer); try() && ok && c.Close() == nil {
		tries--
	}
	if t, ok := v.(timeouter); ok && t.Timeout() {
		return "timeout " + strconv.Itoa(tries)
	}
	return "other " + strconv.Itoa(tries)
}
""",
    ),
    "`try()` runs before ok",
)

# a failing assertion under `ok || X`: ok is false, and the body runs whenever X is true; the naive rewrite
# removes the if as never run
DECLINES["failing_or"] = (
    package(
        "failing_or",
        """type closer interface{ Close() error }

// Skipped counts the replies a slow run skips, and says whether op timed out.
func Skipped(op string, slow bool) string {
	skipped := 0
	ne := netErr{op: op, slow: slow}
	var v any = &ne
	if c, ok := v.(closer); ok || slow {
		skipped++
		if c != nil {
			_ = c.Close()
		}
	}
	if t, ok := v.(timeouter); ok && t.Timeout() {
		return "timeout " + strconv.Itoa(skipped)
	}
	return "other " + strconv.Itoa(skipped)
}
""",
    ),
    "only an `if …, ok := …; ok {` whose ok is read nowhere else can go as never run",
)

# adv45f: with ok true `ok || second` is true and `second` never ran, but Describe names it, so Go initializes second
# before first, whose initializer calls Describe; the naive block drops that reference and first goes first
DECLINES["dropped_initializer"] = (
    package(
        "dropped_initializer",
        """var order string

var first = Describe("dial", true)
var second = mark("second")

func mark(s string) bool {
	order += s + " "
	return true
}

// Describe says whether op's error timed out.
func Describe(op string, slow bool) bool {
	ne := netErr{op: op, slow: slow}
	r := reply{id: 1, err: &ne}
	if t, ok := r.err.(timeouter); ok || second {
		order += "first "
		return t.Timeout()
	}
	return false
}

// Order says in which order the package's variables were initialized.
func Order() string { return order }
""",
    ),
    "second (line 37), of code the rewrite drops, is declared at package level",
)

# adv45f: the comment between `ok &&` and the rest goes with them; the rewrite computes the same (no naive mutant:
# nothing to run), but a reviewer's note would vanish unsaid
DECLINES["comment_in_fold"] = (
    package(
        "comment_in_fold",
        """// Retry says whether the reply to op may be retried.
func Retry(id int, op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	r := reply{id: id, err: &ne}
	if t, ok := r.err.(timeouter); ok && // a proxy's timeouts only: see issue 42
		t.Timeout() {
		return "retry"
	}
	return "stop " + strconv.Itoa(r.id)
}
""",
    ),
    "the comment `// a proxy's timeouts only: see issue 42` (line 27) would go with what the fold removes",
)

_SECOND = "if t, ok := v.(timeouter); ok && t.Timeout()"
_FAILING_OR = (
    "\tif c, ok := v.(closer); ok || slow {\n\t\tskipped++\n\t\tif c != nil {\n\t\t\t_ = c.Close()\n\t\t}\n\t}\n"
)
NAIVE = {
    "ok_assigned": (
        lambda s: s.replace(
            "if t, ok = r.err.(timeouter); ok && t.Timeout()", "if t = timeouter(&ne); t.Timeout()"
        ).replace("\tr := reply{id: 1, err: &ne}\n", ""),
        'fmt.Sprint({pkg}.Check("dial", true))',
    ),
    "ok_in_else": (
        lambda s: s.replace("if t, ok := r.err.(timeouter); ok && t.Timeout()", "if t := timeouter(&ne); t.Timeout()"),
        "undefined: ok",
    ),
    "failing_negated": (
        lambda s: (
            s.replace("\tif c, ok := v.(closer); !ok || c.Close() != nil {\n\t\tskipped++\n\t}\n", "")
            .replace("if t, ok := v.(timeouter); ok && t.Timeout()", "if t := timeouter(&ne); t.Timeout()")
            .replace("\tvar v any = &ne\n", "")
        ),
        'fmt.Sprint({pkg}.Skipped("dial", true))',
    ),
    "failing_label": (
        lambda s: (
            s.replace("\t\tif f, ok := v.(flusher); ok && f.Flush() == nil {\n\t\t\tbreak scan\n\t\t}\n", "")
            .replace("if t, ok := v.(timeouter); ok && t.Timeout()", "if t := timeouter(&ne); t.Timeout()")
            .replace("\tvar v any = &ne\n", "")
        ),
        "label scan defined and not used",
    ),
    "effect_before_ok": (
        lambda s: (
            s.replace("\tif t, ok := r.err.(timeouter); logged(r) || ok {\n", "\t{\n\t\tt := timeouter(&ne)\n")
            .replace('\t}\n\treturn "none"\n', "\t}\n")
            .replace("\tr := reply{id: 1, err: &ne}\n", "")
        ),
        'fmt.Sprint({pkg}.Check("dial", true))',
    ),
    "failing_effect": (
        lambda s: (
            s.replace("\tif c, ok := v.(closer); try() && ok && c.Close() == nil {\n\t\ttries--\n\t}\n", "")
            .replace(_SECOND, "if t := timeouter(&ne); t.Timeout()")
            .replace("\tvar v any = &ne\n", "")
        ),
        'fmt.Sprint({pkg}.Report("dial", true))',
    ),
    "dropped_initializer": (
        lambda s: s.replace(
            "\tif t, ok := r.err.(timeouter); ok || second {\n", "\t{\n\t\tt := timeouter(&ne)\n"
        ).replace("\tr := reply{id: 1, err: &ne}\n", ""),
        "{pkg}.Order()",
    ),
    "failing_or": (
        lambda s: (
            s.replace(_FAILING_OR, "")
            .replace(_SECOND, "if t := timeouter(&ne); t.Timeout()")
            .replace("\tvar v any = &ne\n", "")
        ),
        'fmt.Sprint({pkg}.Skipped("dial", true))',
    ),
}

# a local read only by assertions, one of which fails (*netErr has no Close): its ok is false, `c.Close()` never ran,
# and the if goes with it; the other assertion's guard loses its ok
FAILING = package(
    "failing_guard",
    """type closer interface{ Close() error }

var closed int

// Report closes what can be closed, and says whether op timed out.
func Report(op string, slow bool) string {
	ne := netErr{op: op, slow: slow}
	var v any = &ne
	if c, ok := v.(closer); ok && c.Close() == nil {
		closed++
	}
	if t, ok := v.(timeouter); ok && t.Timeout() {
		return "timeout " + strconv.Itoa(closed)
	}
	return "other " + strconv.Itoa(closed)
}

// Both reports a slow dial and a failed read.
func Both() string { return Report("dial", true) + Report("read", false) }
""",
)


# ok first under ||: with ok true the condition is true, the body always runs, and the code after it goes
OK_OR = package(
    "ok_or",
    """// Describe says whether op's error timed out.
func Describe(op string, slow, verbose bool) string {
	ne := netErr{op: op, slow: slow}
	r := reply{id: 1, err: &ne}
	if t, ok := r.err.(timeouter); ok || verbose {
		return "timeout=" + strconv.FormatBool(t != nil && t.Timeout())
	}
	return "plain " + strconv.Itoa(r.id)
}

// Both describes a slow dial and a failed read.
func Both() string { return Describe("dial", true, false) + Describe("read", false, true) }
""",
)


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    root = tmp_path_factory.mktemp("iface-guarded")
    cases = {name: entry[0] for name, entry in {**FIXES, **DECLINES}.items()} | {
        "failing_guard": FAILING,
        "ok_or": OK_OR,
    }
    write_module(root, {f"{name}/{name}.go": code for name, code in cases.items()})
    found = proposals(root, RULE, toolchains=[releases()[1]])
    return {pkg.rsplit("/", 1)[-1]: results for pkg, results in found.items()}


def _fix(proposed, name: str) -> Fix:
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    return fix


@pytest.mark.parametrize("name", list(FIXES))
def test_the_guard_loses_its_ok_and_the_if_stays(proposed, name):
    source, expected, _ = FIXES[name]
    after = edited(source, _fix(proposed, name))
    assert expected in after and "ok" not in after.split("func ")[-1], after
    assert "drop the code" not in _fix(proposed, name).summary


def test_a_failing_guard_goes_as_never_run(proposed):
    after = edited(FAILING, _fix(proposed, "failing_guard"))
    assert "closer(" not in after and "closed++" not in after, after
    assert "\tif t := timeouter(&ne); t.Timeout() {\n" in after, after


def test_ok_or_becomes_a_block_and_the_code_only_a_failed_assertion_ran_goes(proposed):
    after = edited(OK_OR, _fix(proposed, "ok_or"))
    assert "\t{\n\t\tt := timeouter(&ne)\n" in after and "verbose {" not in after and '"plain "' not in after, after


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory):
    return naive_mutants(tmp_path_factory.mktemp("iface-guarded-naive"), releases()[1], DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, proposed):
    cases = {name: (source, edited(source, _fix(proposed, name)), call) for name, (source, _, call) in FIXES.items()}
    cases["failing_guard"] = (FAILING, edited(FAILING, _fix(proposed, "failing_guard")), "{pkg}.Both()")
    cases["ok_or"] = (OK_OR, edited(OK_OR, _fix(proposed, "ok_or")), "{pkg}.Both()")
    return allocs_of(tmp_path_factory.mktemp("iface-guarded-allocs"), cases)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", [*FIXES, "failing_guard", "ok_or"])
def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
    toolchain = releases()[release]
    before, after, result, rewritten = allocs[toolchain.version][name]
    assert result == rewritten, (result, rewritten)
    assert after < before, (toolchain.version, before, after)
    print(toolchain.version, name, before, "->", after)
