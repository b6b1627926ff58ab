"""make-const with a guard whose body ends in a call that never returns (gorewrite/terminating.py's
NEVER_RETURN, by go/types' object): `if n > Max { log.Fatalf(…) }`, `os.Exit(2)`, `runtime.Goexit()`,
a `*log.Logger`'s Fatal and log's Panic leave n <= Max after it, as `return` and `panic(…)` do (probe39c
r2 `Fatal`, `Exit`: command-line code checks its flags that way; each took the speculative budget before).
Only by the callee's object: a package's own `log` whose Fatalf returns, a `Printf`, or an exit on one
path of the body bound nothing, and each must-decline keeps its naive array, which panics where the
original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
IMPORTS = 'import (\n\t"crypto/sha256"\n\t"log"\n\t"os"\n\t"runtime"\n)\n'
USED = "\nvar _, _, _ = log.Printf, os.Exit, runtime.Goexit\n"


def _case(name: str, body: str, params: str = "xs []int64, n int", extra: str = "") -> str:
    """sums' function after the guard `if n > maxItems { <body> }`, with log, os and runtime imported."""
    guard = "\tif n > maxItems {\n" + body + "\t}"
    return sums(name, "n", guard, params).replace('import "crypto/sha256"\n', IMPORTS) + USED + extra


BOUNDED = {
    "log_fatal": _case("log_fatal", '\t\tlog.Fatalf("batch of %d: too many", n)\n'),
    "os_exit": _case("os_exit", '\t\tlog.Print("too many")\n\t\tos.Exit(2)\n'),
    "goexit": _case("goexit", "\t\truntime.Goexit()\n"),
    "logger_fatal": _case("logger_fatal", '\t\tlogger.Fatalln("too many")\n', extra="\nvar logger = log.Default()\n"),
    "log_panic": _case("log_panic", '\t\tlog.Panicf("batch of %d", n)\n'),
}

# A package-level `log` of the package's own type: its Fatalf logs and returns (no name is matched).
OWN_LOG = """
type quietLog struct{ lines []string }

func (q *quietLog) Fatalf(format string, args ...any) { q.lines = append(q.lines, format) }

var logs = &quietLog{}
"""
NOT_BOUNDED = {
    "log_printf": (_case("log_printf", '\t\tlog.Printf("batch of %d: too many", n)\n'), "Sum([]int64{1}, 30)"),
    "own_fatalf": (
        _case("own_fatalf", '\t\tlogs.Fatalf("batch of %d: too many", n)\n', extra=OWN_LOG),
        "Sum([]int64{1}, 30)",
    ),
    "exit_on_one_path": (
        _case("exit_on_one_path", "\t\tif strict {\n\t\t\tos.Exit(2)\n\t\t}\n", "xs []int64, n int, strict bool"),
        "Sum([]int64{1}, 30, false)",
    ),
}
NAIVE = {
    "log_printf": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 30)")),
    "own_fatalf": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 30)")),
    "exit_on_one_path": (array("buf", "n", "int64", 20), probe("{pkg}.Sum([]int64{1}, 30, false)")),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**BOUNDED, **{n: c for n, (c, _) in NOT_BOUNDED.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-exits"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("make-const-exits-naive"), toolchain, NOT_BOUNDED, NAIVE)


@pytest.mark.parametrize("name", list(BOUNDED))
def test_a_guard_ending_in_a_call_that_never_returns_bounds_the_size(proposed, name):
    exact_array(proposed[name], BOUNDED[name], "[20]int64", scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_call_that_may_return_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
