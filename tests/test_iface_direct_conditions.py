"""iface-direct on a comma-ok ok read anywhere in its if's condition, under `&&`, `||`, `!` and parentheses
(condition.py): with ok's value known (true once the assertion cannot fail, false where go/types says it fails)
the condition folds by Go's short-circuit rules: `X && ok` is X, `ok || X` true (the if becomes a block, its else
goes), `(ok && X) || Y` is `X || Y`, and `t, ok := …` then `if !ok || X` leaves `if X`. Declined, each with its
naive rewrite: an operand that runs before ok and whose effects the fold would drop (`X || ok` with ok true,
`X && ok` with ok false), and a failing `ok || X`, whose body runs when X does. AllocsPerRun under both releases.
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals, releases
from conftest import module as write_module
from test_iface_direct import RULE
from test_iface_direct_guarded import package

from gorewrite.proposals import Fix

FIXES = {
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
    # ok first under ||: the condition is true, the body always runs, and the code after it goes
    "ok_or": (
        package(
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
        ),
        "\t{\n\t\tt := timeouter(&ne)\n",
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

# with ok true `logged(r) || ok` is true, but logged runs first and counts: making the if a block drops that count
DECLINES = {
    "effect_before_ok": (
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
    ),
}

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

_SECOND = "if t, ok := v.(timeouter); ok && t.Timeout()"
_FAILING_OR = (
    "\tif c, ok := v.(closer); ok || slow {\n\t\tskipped++\n\t\tif c != nil {\n\t\t\t_ = c.Close()\n\t\t}\n\t}\n"
)
NAIVE = {
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
    "failing_or": (
        lambda s: (
            s.replace(_FAILING_OR, "")
            .replace(_SECOND, "if t := timeouter(&ne); t.Timeout()")
            .replace("\tvar v any = &ne\n", "")
        ),
        'fmt.Sprint({pkg}.Skipped("dial", true))',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    root = tmp_path_factory.mktemp("iface-conditions")
    write_module(root, {f"{name}/{name}.go": entry[0] for name, entry in {**FIXES, **DECLINES}.items()})
    found = proposals(root, RULE, toolchains=[releases()[1]])
    return {pkg.rsplit("/", 1)[-1]: results for pkg, results in found.items()}


def _fix(proposed, name: str) -> Fix:
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    return fix


@pytest.mark.parametrize("name", list(FIXES))
def test_the_condition_folds_with_ok_true(proposed, name):
    source, expected, _ = FIXES[name]
    after = edited(source, _fix(proposed, name))
    assert expected in after and ", ok" not in after and "ok " not in after.split("func ")[-2], after


def test_ok_or_drops_the_code_only_a_failed_assertion_ran(proposed):
    after = edited(FIXES["ok_or"][0], _fix(proposed, "ok_or"))
    assert "verbose {" not in after and '"plain "' not in after, after


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory):
    return naive_mutants(tmp_path_factory.mktemp("iface-conditions-naive"), releases()[1], DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, proposed):
    cases = {name: (source, edited(source, _fix(proposed, name)), call) for name, (source, _, call) in FIXES.items()}
    return allocs_of(tmp_path_factory.mktemp("iface-conditions-allocs"), cases)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", list(FIXES))
def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
    toolchain = releases()[release]
    before, after, result, rewritten = allocs[toolchain.version][name]
    assert result == rewritten, (result, rewritten)
    assert after < before, (toolchain.version, before, after)
    print(toolchain.version, name, before, "->", after)
