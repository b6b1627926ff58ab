"""closure and a method value bound to a local that goroutines call (`score := sc.score`, then `out[i] = score(x)`
in each; gorewrite/bound_receivers.py): the method value is a closure of its own, on the heap once a goroutine's
literal captures it. It saves a copy of its receiver where it is made; when that copy is sc's own value (a value
receiver on a variable that is no pointer or interface), `scoreRecv := sc` makes the same copy there and each call
becomes `scoreRecv.score(x)` (the closure-ml probe's ScoreByValue). Declined: a pointer operand whose value method
dereferences it where the method value is made (`p.score`: the naive rewrite reads the pointee's later
temperature), an interface's method value, which panics where it is made when the interface is nil (`write :=
w.WriteString`: the naive copy of a nil writer does not, so a recovered nil is no longer an error) and a method value
used other than called (`apply(score, x)`: the naive rewrite does not compile). A
method promoted through an embedded field is no site: the compiler names the path (`t.scorer.score escapes to
heap`), which no source selector spells.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make, and a probe showing it
changes what the code does, or the build error it makes).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, module, only_fix

from gorewrite.bound_receivers import bound_local
from gorewrite.rules import RULES
from gorewrite.syntax import parse, text, walk

RULE = RULES["closure"]

SCORER = """type scorer struct {
	temp  float64
	floor float64
	name  string
}

func (s scorer) score(x float64) float64 { return x/s.temp + s.floor }

func (s *scorer) calibrate(t float64) { s.temp = t }
"""

FIXES = {
    "bound_value_receiver": (  # the scorer is calibrated through &sc before; the method value copies it after
        """package bound_value_receiver

import "sync"

"""
        + SCORER
        + """
// Score scores every value in a goroutine of its own through the method value score.
func Score(raw []float64) []float64 {
	sc := scorer{temp: 1, name: "mv"}
	sc.calibrate(2)
	score := sc.score
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = score(x)
		}()
	}
	wg.Wait()
	sc.temp = 8
	return out
}
""",
        "\tscoreRecv := sc\n",
        "fmt.Sprint({pkg}.Score([]float64{2, 4}))",
    ),
}

DECLINES = {
    "decline_bound_pointer_operand": (  # p.score dereferences p where it is made: the later temp is not seen
        """package decline_bound_pointer_operand

import "sync"

"""
        + SCORER
        + """
// Score scores every value in a goroutine through the method value taken before the recalibration.
func Score(raw []float64) []float64 {
	sc := scorer{temp: 1}
	p := &sc
	score := p.score
	p.calibrate(4)
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = score(x)
		}()
	}
	wg.Wait()
	return out
}
""",
        "p.score is taken of a pointer, p: the saved receiver may be what it points to",
    ),
    "decline_bound_pointer_receiver": (  # sc.blend binds &sc: the calls see the recalibration the copy would miss
        """package decline_bound_pointer_receiver

import "sync"

"""
        + SCORER
        + """
func (s *scorer) blend(x float64) float64 { return x / s.temp }

// Blend blends every value in a goroutine through the method value taken before the recalibration.
func Blend(raw []float64) []float64 {
	sc := scorer{temp: 1}
	blend := sc.blend
	sc.calibrate(4)
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = blend(x)
		}()
	}
	wg.Wait()
	return out
}
""",
        "sc.blend binds the address of sc (a pointer receiver), not a copy",
    ),
    "decline_bound_interface": (  # w.WriteString of a nil w panics where it stands: a copy of w does not
        """package decline_bound_interface

import (
	"fmt"
	"io"
	"sync"
)

// Lines writes every line in a goroutine of its own through the method value write; a nil writer is an error.
func Lines(w io.StringWriter, lines []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("no writer")
		}
	}()
	var mu sync.Mutex
	write := w.WriteString
	var wg sync.WaitGroup
	for _, l := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			write(l)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return nil
}
""",
        "w.WriteString is taken of an interface, w: it panics there if w is nil, a copy would not",
    ),
    "decline_bound_wide": (  # a 136-byte receiver: the literal captures its copy by reference, on the heap again
        """package decline_bound_wide

import "sync"

type scorer struct {
	temp  float64
	table [16]float64
}

func (s scorer) score(x float64) float64 { return x/s.temp + s.table[0] }

// Score scores every value in a goroutine through the method value.
func Score(raw []float64) []float64 {
	sc := scorer{temp: 2}
	score := sc.score
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = score(x)
		}()
	}
	wg.Wait()
	return out
}
""",
        "sc is generic, wider than 128 bytes or holds a lock",
    ),
    "decline_bound_lock": (  # the receiver holds a mutex: `scoreRecv := sc` is a copy go vet rejects
        """package decline_bound_lock

import "sync"

type scorer struct {
	mu   sync.Mutex
	temp float64
}

func (s *scorer) set(t float64) {
	s.mu.Lock()
	s.temp = t
	s.mu.Unlock()
}

func (s scorer) score(x float64) float64 { return x / s.temp }

// Score scores every value in a goroutine through the method value.
func Score(raw []float64) []float64 {
	var sc scorer
	sc.set(2)
	score := sc.score
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = score(x)
		}()
	}
	wg.Wait()
	return out
}
""",
        "sc is generic, wider than 128 bytes or holds a lock",
    ),
    "decline_bound_not_called": (  # the method value itself is handed on: its type cannot change
        """package decline_bound_not_called

import "sync"

"""
        + SCORER
        + """
func apply(f func(float64) float64, x float64) float64 { return f(x) }

// Score scores every value in a goroutine through the method value, handed to apply.
func Score(raw []float64) []float64 {
	sc := scorer{temp: 2}
	score := sc.score
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = apply(score, x)
		}()
	}
	wg.Wait()
	return out
}
""",
        "score is used other than called (line 27)",
    ),
}


def _naive(operand: str):
    """The rewrite without the proof: a copy of the operand, and the calls through it."""
    return lambda source: source.replace(f"score := {operand}.score", f"scoreRecv := {operand}").replace(
        "= score(x)", "= scoreRecv.score(x)"
    )


NAIVE = {  # the copies read temp 4 where the method value saved 1 (2, not 0.5), or the saved 1 where the method value
    # reads 4; a wide copy is on the heap again; apply(score, x) does not compile
    "decline_bound_pointer_operand": (_naive("p"), "fmt.Sprint({pkg}.Score([]float64{2}))"),
    "decline_bound_pointer_receiver": (
        lambda source: source.replace("blend := sc.blend", "blendRecv := sc").replace(
            "= blend(x)", "= blendRecv.blend(x)"
        ),
        "fmt.Sprint({pkg}.Blend([]float64{2}))",
    ),
    "decline_bound_wide": (_naive("sc"), "moved to heap: scoreRecv"),
    "decline_bound_not_called": (_naive("sc"), "undefined: score"),
    "decline_bound_interface": (  # the copy of a nil writer does not panic: no error, where there was one
        lambda source: source.replace("write := w.WriteString", "writeRecv := w").replace(
            "\twrite(l)", "\twriteRecv.WriteString(l)"
        ),
        "fmt.Sprint({pkg}.Lines(nil, nil))",
    ),
}

globals().update(case_suite("bound_receivers", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))


def test_the_naive_copy_of_a_lock_fails_vet(tmp_path, toolchain):
    """decline_bound_lock's naive rewrite builds and computes the same, but go vet rejects the copy it adds (beside
    what it says of the value receiver, which the code has either way)."""
    source = DECLINES["decline_bound_lock"][0]
    naive = _naive("sc")(source)
    assert naive != source
    files = {"p/p.go": source.replace("decline_bound_lock", "p"), "n/n.go": naive.replace("decline_bound_lock", "n")}
    module(tmp_path, files)
    said = {pkg: toolchain.run(["vet", f"./{pkg}"], str(tmp_path)).stderr.decode() for pkg in "pn"}
    assert "assignment copies lock value to scoreRecv" in said["n"], said["n"]
    assert "assignment copies lock value" not in said["p"], said["p"]


@pytest.mark.parametrize(
    ("statement", "local"),
    [
        ("score := sc.score", "score"),
        ("score, t := sc.score, sc.calibrate(4)", None),  # when sc is read against the call is unspecified
        ("var score = sc.score", None),
        ("score = sc.score", None),
    ],
)
def test_bound_local_is_the_one_value_of_a_short_declaration(statement, local):
    """bound_local's shape: one value of a `:=` (so one name), else no site."""
    tree = parse(f"package p\n\nfunc f() {{\n\t{statement}\n}}\n".encode())
    (selector,) = (n for n in walk(tree.root_node) if n.type == "selector_expression" and text(n) == b"sc.score")
    found = bound_local(selector)
    assert (found and text(found).decode()) == local
