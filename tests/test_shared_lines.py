"""A statement that shares its line with another (`calls++; b := make(…)`, legal Go that generators and
terse hands write): every rule that adds lines before it indented them with the text before it on the
line, so `calls++;` ran once more per added line (adv33a: sync-pool's loop and plain pools and its
bufio wrapper; then make-const's speculative form and iface-direct's blocks, which shared the pattern;
closure declines a go statement that does not start its line). syntax.indentation gives only
whitespace; each rewrite keeps the count."""

from __future__ import annotations

import pytest
from conftest import edited, module, proposals

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

CASES = {
    "make-const": {
        "exact": """package exact

var calls int

// Squares adds up to 64 squares.
func Squares(n int) int {
	if n > 64 {
		return 0
	}
	calls++; b := make([]int, n)
	for i := range b {
		b[i] = i * i
	}
	s := 0
	for _, v := range b {
		s += v
	}
	return s
}
""",
        "speculative": """package speculative

var calls int

// Squares adds n squares.
func Squares(n int) int {
	calls++; b := make([]int, n)
	for i := range b {
		b[i] = i * i
	}
	s := 0
	for _, v := range b {
		s += v
	}
	return s
}
""",
    },
    "sync-pool": {
        "plain": """package plain

import "io"

var calls int

// Sum adds the bytes of a 128 KiB block.
func Sum(r io.Reader) (int, error) {
	calls++; block := make([]byte, 128<<10)
	if _, err := io.ReadFull(r, block); err != nil {
		return 0, err
	}
	s := 0
	for _, c := range block {
		s += int(c)
	}
	return s, nil
}
""",
        "loop": """package loop

import "io"

var calls int

// Sum adds the bytes of three 1 KiB blocks.
func Sum(r io.Reader) (int, error) {
	s := 0
	calls++; for i := 0; i < 3; i++ {
		calls++; block := make([]byte, 1024)
		if _, err := io.ReadFull(r, block); err != nil {
			return s, err
		}
		for _, c := range block {
			s += int(c)
		}
	}
	return s, nil
}
""",
        "wrapper": """package wrapper

import (
	"bufio"
	"io"
)

var calls int

// Lines writes each line.
func Lines(w io.Writer, lines []string) error {
	calls++; bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\\n')
	}
	return bw.Flush()
}
""",
    },
    "iface-direct": {
        "block": """package block

import (
	"fmt"
	"strconv"
)

var calls int

type account struct {
	id    int
	email string
}

func (a *account) String() string { return "account " + strconv.Itoa(a.id) + " <" + a.email + ">" }

type event struct {
	action string
	actor  any
}

// Line formats the audit line of an action done by the account id, email.
func Line(action string, id int, email string) string {
	a := account{id: id, email: email}
	ev := event{action: action, actor: &a}
	calls++; switch who := ev.actor.(type) {
	case fmt.Stringer:
		return ev.action + " by " + who.String()
	}
	return ev.action + " by an unknown actor"
}
""",
    },
}


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    by_rule = {}
    for rule, cases in CASES.items():
        root = module(tmp_path_factory.mktemp(rule), {f"{name}/{name}.go": code for name, code in cases.items()})
        by_rule[rule] = {pkg.rsplit("/", 1)[-1]: results for pkg, results in proposals(root, RULES[rule]).items()}
    return by_rule


@pytest.mark.parametrize(("rule", "case"), [(rule, case) for rule, cases in CASES.items() for case in cases])
def test_a_rewrite_adds_no_copy_of_a_statement_on_its_line(found, rule, case):
    source = CASES[rule][case]
    fixes = [p for p in found[rule][case] if isinstance(p, Fix)]
    assert fixes, found[rule][case]
    for fix in fixes:
        after = edited(source, fix)
        assert after.count("calls++") == source.count("calls++"), after
