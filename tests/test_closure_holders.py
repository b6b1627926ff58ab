"""closure and an address held in a local struct before the goroutines (`v := validator{cfg: &c}; v.check()`):
&c moves c to the heap's capture by reference, though v is dead before the go statement. When every use of v is
in the function's own code before each statement making a closure, as a method's receiver or a call's argument,
and each call keeps nothing reachable from what it is given (retention, contents included), the copy the literal
captures sees every write made through v (the closure-ml probe's ValidateThenScore and WarnThenScore). Declined: v
used at or after the statement, copied (`w := v`), used in a func literal that may run later, given to a method
that keeps its contents (`last = v.cfg`), the second name of its statement (`n, v := len(xs), validator{…}`: the
proof must follow v, not n) or declared with var; the naive copies miss the write made through it after the go
statement.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the copies a careless rule would insert, and a probe showing they
change what the code does).
"""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix

from gorewrite.rules import RULES

RULE = RULES["closure"]

CONFIG = """type Config struct {
	Scale float64
	Dim   int
}

type validator struct {
	cfg    *Config
	maxDim int
}

func (v validator) check() error {
	if v.cfg.Dim > v.maxDim {
		return errors.New("dimension over limit")
	}
	return nil
}

func (v *validator) fix() {
	if v.cfg.Scale == 0 {
		v.cfg.Scale = 1
	}
}
"""

FIXES = {
    "holder_checked": (  # a value method and a pointer method through v, and v passed to a function, before the go
        """package holder_checked

import (
	"errors"
	"sync"
)

"""
        + CONFIG
        + """
func audit(v validator) int { return v.cfg.Dim }

// Scale validates the config through a validator holding its address, then scales every value in a goroutine.
func Scale(xs []float64, dim int) ([]float64, error) {
	c := Config{Dim: dim}
	v := validator{cfg: &c, maxDim: 8}
	v.fix()
	if err := v.check(); err != nil {
		return nil, err
	}
	_ = audit(v)
	out := make([]float64, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = x * c.Scale
		}()
	}
	wg.Wait()
	return out, nil
}
""",
        "c := c // captured by value: keeps c off the heap",
        "fmt.Sprint({pkg}.Scale([]float64{1, 2}, 4))",
    ),
}

# Each must-decline writes c through what v shares after the go statement, before the goroutines are released: the
# goroutines must read Scale 2, the naive copies read 1.
RELEASED = """	out := make([]float64, len(xs))
	release := make(chan struct{})
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[i] = x * c.Scale
		}()
	}
%s	close(release)
	wg.Wait()
	return out
}
"""


def _case(name: str, before: str, after: str, extra: str = "") -> str:
    head = f'package {name}\n\nimport (\n\t"errors"\n\t"sync"\n)\n\n{CONFIG}{extra}\n'
    body = "// Scale scales every value in a goroutine once released.\nfunc Scale(xs []float64) []float64 {\n"
    body += "\tc := Config{Scale: 1, Dim: 2}\n\tv := validator{cfg: &c, maxDim: 8}\n" + before
    return head + body + RELEASED % after


RAISE = "func (v *validator) raise() { v.cfg.Scale = 2 }\n"
LIMIT = "\nfunc limit(n int) int { return n }\n"
DECLINES = {
    "decline_holder_after": (  # v raises the scale after the go statement
        _case("decline_holder_after", "\t_ = v.check()\n", "\tv.raise()\n", RAISE),
        "v, which holds the address of c (line 35), is used at or after the statement making the closure (line 48)",
    ),
    "decline_holder_copied": (  # w := v keeps &c past the statement, and raises the scale through it
        _case("decline_holder_copied", "\tw := v\n", "\tw.raise()\n", RAISE),
        "v, which holds the address of c (line 35), is used other than as a method's receiver or a call's argument "
        "(line 36)",
    ),
    "decline_holder_in_literal": (  # the literal made before the go statement raises the scale when called after
        _case("decline_holder_in_literal", "\traise := func() { v.raise() }\n", "\traise()\n", RAISE),
        "v, which holds the address of c (line 35), is used in a func literal (line 36)",
    ),
    "decline_holder_kept": (  # remember keeps v.cfg: the scale is raised through what it kept
        _case(
            "decline_holder_kept",
            "\tv.remember()\n",
            "\tlast.Scale = 2\n",
            "var last *Config\n\nfunc (v *validator) remember() { last = v.cfg }\n",
        ),
        "c (through v) is the receiver of v.remember, whose parameter go1.24.11 reports as `leaking param content: v`",
    ),
    "decline_holder_beside": (  # v is the second name of its statement: its own uses raise the scale after
        _case("decline_holder_beside", "\t_ = limit(n)\n", "\tv.raise()\n", RAISE + LIMIT).replace(
            "\tv := validator{", "\tn, v := len(xs), validator{"
        ),
        "the address of c is taken other than as a call argument or method receiver (line 37)",
    ),
    "decline_holder_var": (  # `var v = …`: no holder of a := statement, v raises the scale after
        _case("decline_holder_var", "", "\tv.raise()\n", RAISE).replace("\tv := validator{", "\tvar v = validator{"),
        "the address of c is taken other than as a call argument or method receiver (line 35)",
    ),
}


def _copies(source: str) -> str:
    """The naive copies of c: one before the go statement and one first in the literal."""
    return source.replace("\t\tgo func() {\n", "\t\tc := c\n\t\tgo func() {\n\t\t\tc := c\n")


NAIVE = {name: (_copies, "fmt.Sprint({pkg}.Scale([]float64{1, 2}))") for name in DECLINES}

globals().update(case_suite("holders", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))
