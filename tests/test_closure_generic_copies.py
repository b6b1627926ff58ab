"""closure in a generic (generic_copies.py): a copy is one text for every type argument, and an instantiation the
run never compiles may be wider than 128 bytes, where the copy is captured by reference and moved to the heap
each time it is made. The copy is kept where its type's widest instantiation fits by value, or where it is made
at most once per declaration of the variable; declined where it may be made more often (review adv46b).

Each package instantiates its generic with int itself (what the run compiles and verifies by); the
measurements instantiate it with [40]int64 (320 bytes) from a package the run never sees.
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, edited, module, releases

from gorewrite.generic_copies import more_often
from gorewrite.options import Options
from gorewrite.pipeline import fix
from gorewrite.rules import RULES
from gorewrite.syntax import parse, walk
from gorewrite.verify import Verified

LOOP = """package {pkg}

// Broadcast hands msg (initial, or *override) to n goroutines, each sending it back, and counts the replies.
func Broadcast[T {constraint}](n int, initial T, override *T) int {
	msg := initial
	if override != nil {
		msg = *override
	}
	res := make(chan T, n)
	for i := 0; i < n; i++ {
		go func() {
			res <- msg
		}()
	}
	got := 0
	for i := 0; i < n; i++ {
		<-res
		got++
	}
	return got
}

func Ints(n int) int { return Broadcast(n, 1, nil) }
"""

ANY_LOOP = LOOP.replace("{pkg}", "anyloop").replace("{constraint}", "any")
WIDE_LOOP = LOOP.replace("{pkg}", "wideloop").replace("{constraint}", "int | [40]int64")
BOUNDED = LOOP.replace("{pkg}", "bounded").replace("{constraint}", "~int | ~int64 | ~string")

ONCE = """package once

// Forward hands msg (initial, or *override) to one goroutine and returns what it sends back, and msg once reset.
func Forward[T int | [40]int64](initial T, override *T) (T, T) {
	msg := initial
	if override != nil {
		msg = *override
	}
	res := make(chan T, 1)
	go func() {
		res <- msg
	}()
	got := <-res
	msg = initial
	return got, msg
}

func Ints() int {
	a, b := Forward(1, nil)
	return a + b
}
"""

HUGE = """package {pkg}

import "sync"

// Forward hands msg (initial, or *override) to done on a goroutine of its own, waits for it, and resets msg.
func Forward[T any]({param}override *T, done func(T)) T {
	{decl}
	if override != nil {
		msg = *override
	}
	wg := new(sync.WaitGroup)
	wg.Add(1)
	go func() {
		defer wg.Done()
		done(msg)
	}()
	wg.Wait()
	msg = initial
	return msg
}

func Ints() int { return Forward(7, nil, func(int) {}) }
"""
# a local past cmd/compile's 128 KiB stack limit is on the heap captured or not: a single copy is one allocation more
HUGE_LOCAL = (HUGE.replace("{pkg}", "hugelocal").replace("{param}", "initial T, ")).replace("{decl}", "msg := initial")
# a parameter is not held to that limit (its caller's frame holds it): the copy replaces its move to the heap
HUGE_PARAM = (HUGE.replace("{pkg}", "hugeparam").replace("{param}", "msg T, ")).replace("{decl}", "initial := msg")
HUGE_NAIVE = (
    "\tgo func() {\n\t\tdefer wg.Done()\n\t\tdone(msg)\n\t}()\n",
    "\t{\n\t\tmsg := msg // captured by value: keeps msg off the heap\n"
    "\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tdone(msg)\n\t\t}()\n\t}\n",
)
HUGE_CALL = "fmt.Sprint({pkg}.Forward([20000]int64{7}, nil, func([20000]int64) {})[0])"  # 160000 bytes

SOURCES = {
    "anyloop": ANY_LOOP,
    "wideloop": WIDE_LOOP,
    "bounded": BOUNDED,
    "once": ONCE,
    "hugelocal": HUGE_LOCAL,
    "hugeparam": HUGE_PARAM,
}
# the copy the rule verified for int before this check: the one the run's own instantiation bears out
NAIVE = ("\t\tgo func() {", "\t\tmsg := msg // captured by value: keeps msg off the heap\n\t\tgo func() {")
WIDE, NARROW = "{pkg}.Broadcast(3, [40]int64{}, nil)", "{pkg}.Broadcast(3, 1, nil)"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = module(tmp_path_factory.mktemp("generic-copies"), {f"{p}/{p}.go": s for p, s in SOURCES.items()})
    return root, fix(list(releases()), ["./..."], str(root), [RULES["closure"]], Options())


def found(run, pkg: str) -> list:
    root, result = run
    path = str(root / pkg / f"{pkg}.go")
    return [v.fix for v in result.verdicts if v.fix.targets[0].path == path] + [
        d for d in result.declined if d.site.path == path
    ]


@pytest.mark.parametrize(
    ("pkg", "permits"), [("anyloop", "lets it be any size"), ("wideloop", "lets it be up to 320 bytes")]
)
def test_a_copy_made_in_a_loop_its_variable_is_declared_outside_is_declined(run, pkg, permits):
    assert_declines(found(run, pkg), f"msg's type depends on a type parameter whose constraint {permits}")
    assert_declines(found(run, pkg), "the copy would be made inside the loop at line 10, and msg is declared outside")


def test_a_copy_of_a_local_an_instantiation_may_put_past_the_stack_limit_is_declined(run):
    assert_declines(found(run, "hugelocal"), "an instantiation wider than 128 KiB (the compiler's stack limit")


@pytest.mark.parametrize("pkg", ["bounded", "once", "hugeparam"])
def test_a_copy_every_instantiation_captures_by_value_or_makes_once_is_verified(run, pkg):
    root, result = run
    (verdict,) = [v for v in result.verdicts if v.fix.targets[0].path == str(root / pkg / f"{pkg}.go")]
    assert isinstance(verdict, Verified), verdict
    assert "msg := msg // captured by value" in edited(SOURCES[pkg], verdict.fix)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, run):
    """Per release: AllocsPerRun of the original and the rewrite, from a package the run never compiled."""
    fixed = {pkg: edited(SOURCES[pkg], found(run, pkg)[0]) for pkg in ("bounded", "once", "hugeparam")}
    naive = ANY_LOOP.replace(*NAIVE)
    cases = {
        "naive_wide": (ANY_LOOP, naive, WIDE),
        "naive_narrow": (ANY_LOOP, naive, NARROW),
        "bounded": (BOUNDED, fixed["bounded"], '{pkg}.Broadcast(3, "x", nil)'),
        "once_wide": (ONCE, fixed["once"], "{pkg}.Forward([40]int64{7}, nil)"),
        "once_narrow": (ONCE, fixed["once"], "{pkg}.Forward(7, nil)"),
        "naive_huge_local": (HUGE_LOCAL, HUGE_LOCAL.replace(*HUGE_NAIVE), HUGE_CALL),
        "huge_param": (HUGE_PARAM, fixed["hugeparam"], HUGE_CALL),
    }
    return allocs_of(tmp_path_factory.mktemp("generic-copies-allocs"), cases)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
def test_the_naive_copy_allocates_more_in_the_wide_instantiation(allocs, release):
    """The copy the int instantiation verifies (5 -> 4 there) makes [40]int64's 5 allocations 7: one per goroutine."""
    found = allocs[releases()[release].version]
    (wide_before, wide_after, *_), (narrow_before, narrow_after, *_) = found["naive_wide"], found["naive_narrow"]
    assert narrow_after < narrow_before and wide_after > wide_before, found
    print(
        releases()[release].version,
        "[40]int64",
        wide_before,
        "->",
        wide_after,
        "int",
        narrow_before,
        "->",
        narrow_after,
    )


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
def test_the_kept_copies_allocate_less_and_never_more(allocs, release):
    found = allocs[releases()[release].version]
    for name in ("bounded", "once_narrow"):
        before, after, result, rewritten = found[name]
        assert after < before and result == rewritten, (name, found[name])
    for name in ("once_wide", "huge_param"):
        before, after, result, rewritten = found[name]
        assert after <= before and result == rewritten, (name, found[name])
    print(releases()[release].version, {name: found[name][:2] for name in ("bounded", "once_narrow", "once_wide")})


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
def test_a_single_copy_of_a_local_past_the_stack_limit_allocates_more(allocs, release):
    """Forward[[20000]int64]'s msg is on the heap copy or not: the naive copy (made once) is one allocation more."""
    before, after, result, rewritten = allocs[releases()[release].version]["naive_huge_local"]
    assert after > before and result == rewritten, (before, after)
    print(releases()[release].version, "[20000]int64", before, "->", after)


REPEATS = """package r

func f(xs []int, v int) {
	x := v
	for range xs {
		use(x) // in loop
	}
	for range xs {
		y := v
		use(y) // same iteration
	}
	func() {
		use(x) // in literal
	}()
	use(x) // beside
}
"""


@pytest.mark.parametrize(
    ("marker", "said"),
    [
        ("in loop", "inside the loop at line 5, and x is declared outside it (line 4)"),
        ("in literal", "inside the func literal at line 12"),
        ("same iteration", None),
        ("beside", None),
    ],
)
def test_a_copy_is_made_more_often_where_a_loop_or_literal_the_declaration_is_outside_holds_it(marker, said):
    root = parse(REPEATS.encode()).root_node
    stmt = next(n for n in walk(root) if n.type == "expression_statement" and marker.encode() in n.next_sibling.text)
    name = "y" if marker == "same iteration" else "x"
    decl = min(
        (n for n in walk(root) if n.type == "identifier" and n.text == name.encode()), key=lambda n: n.start_byte
    )
    got = more_often(name, decl, [stmt])
    assert (said is None and got is None) or (said is not None and said in got), got


def test_a_goto_or_two_copies_may_make_it_more_often():
    source = REPEATS.replace("\tuse(x) // beside\n", "again:\n\tuse(x) // beside\n\tgoto again\n")
    root = parse(source.encode()).root_node
    stmts = sorted((n for n in walk(root) if n.type == "expression_statement"), key=lambda n: n.start_byte)
    decl = min((n for n in walk(root) if n.type == "identifier" and n.text == b"x"), key=lambda n: n.start_byte)
    assert "uses goto" in more_often("x", decl, [stmts[-1]])
    assert "before each of the statements at lines" in more_often("x", decl, stmts[:2])
