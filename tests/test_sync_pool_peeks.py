"""sync-pool pools a bufio.Reader whose Peek, ReadSlice or ReadLine result, a slice of its buffer, is only read
within its length before the function returns (gorewrite/rules/sync_pool/peeks.py): held in the first variable
of its `:=`, measured, converted by `string`, indexed, ranged over, copied from. A slice resliced past its length,
or one that leaves the function, declines, each with its naive pool, which shows an earlier caller's bytes.
Allocation evidence under both releases: measured below."""

from __future__ import annotations

import pytest
from conftest import (
    allocs_of,
    assert_declines,
    assert_naive_is_wrong,
    edited,
    naive_mutants,
    proposals_by_case,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["sync-pool"]

HEAD = 'package {name}\n\nimport (\n\t"bufio"\n\t"io"\n\t"strings"\n)\n\nvar _ = strings.ToUpper\n\n'


def case(name: str, body: str) -> str:
    return HEAD.format(name=name) + body


SNIFF = case(
    "sniff",
    """// IsHTTP tells an HTTP request from other traffic by its first four bytes.
func IsHTTP(r io.Reader) bool {
	br := bufio.NewReader(r)
	head, err := br.Peek(4)
	if err != nil {
		return false
	}
	switch string(head) {
	case "GET ", "POST", "PUT ", "HEAD":
		return true
	}
	return head[0] == 'P' && len(head) == 4
}
""",
)
STATUS = case(
    "status",
    """// Status reads an SMTP reply line: its code, the count of spaces in it and its text.
func Status(r io.Reader) (int, int, string) {
	br := bufio.NewReader(r)
	line, _, err := br.ReadLine()
	if err != nil || len(line) < 4 {
		return 0, 0, ""
	}
	code := 0
	var digits [3]byte
	copy(digits[:], line)
	for _, d := range digits {
		code = code*10 + int(d-'0')
	}
	spaces := 0
	for _, c := range line[3:] {
		if c == ' ' {
			spaces++
		}
	}
	return code, spaces, string(line[4:len(line)])
}
""",
)
FIXES = {"sniff": SNIFF, "status": STATUS}

RESLICED = case(
    "resliced",
    """// Head returns the first four bytes r has, through a two-byte peek resliced to four.
func Head(r io.Reader) string {
	br := bufio.NewReader(r)
	head, _ := br.Peek(2)
	return string(head[:4])
}

// Both reads a long input, then a short one: a fresh Reader's buffer holds zeros past the short one.
func Both() string {
	Head(strings.NewReader("wxyz"))
	return Head(strings.NewReader("ab"))
}
""",
)
KEPT = case(
    "kept",
    """// First returns the first line of r.
func First(r io.Reader) []byte {
	br := bufio.NewReader(r)
	line, _ := br.ReadSlice('\\n')
	return line
}

// Both keeps the first of two calls' lines.
func Both() string {
	a := First(strings.NewReader("one\\n"))
	First(strings.NewReader("two\\n"))
	return string(a)
}
""",
)
DECLINES = {
    "resliced": (RESLICED, "is held in head, which on line 15 is resliced up to a bound that may reach past"),
    "kept": (KEPT, "whose slice of its buffer is held in line, which on line 15 is used as a value"),
}

NAIVE_POOL = """
var naive = sync.Pool{New: func() any { return bufio.NewReader(nil) }}
"""


PUT = "\tdefer naive.Put(br)\n"


def naive(source: str) -> str:
    """The Reader from a pool, with no check of what its slices do."""
    return (
        source.replace('"strings"\n', '"strings"\n\t"sync"\n', 1)
        .replace("var _ = strings.ToUpper\n", "var _ = strings.ToUpper\n" + NAIVE_POOL)
        .replace("\tbr := bufio.NewReader(r)\n", "\tbr := naive.Get().(*bufio.Reader)\n\tbr.Reset(r)\n" + PUT)
    )


NAIVE = {
    "resliced": (naive, "{pkg}.Both()"),  # "ab\x00\x00" becomes "abyz": the first call's bytes
    "kept": (naive, "{pkg}.Both()"),  # "one\n" becomes "two\n": the second call overwrote the first's line
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**FIXES, **{name: code for name, (code, _) in DECLINES.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("pool-peeks"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_pools_a_reader_whose_slices_are_read_in_place(proposed, name):
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    rewritten = edited(FIXES[name], fix)
    assert "br := getBufioReader(r)\n" in rewritten and "defer putBufioReader(br, r)\n" in rewritten, rewritten


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("pool-peeks-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_pool_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_pool_allocates_less_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun before and after: the Reader and its 4 KiB buffer go."""
    calls = {
        "sniff": '{pkg}.IsHTTP(strings.NewReader("POST / HTTP/1.1\\r\\n"))',
        "status": '{pkg}.Status(strings.NewReader("250 mx.example.com ready\\r\\n"))',
    }
    cases = {}
    for name, call in calls.items():
        (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
        cases[name] = (FIXES[name], edited(FIXES[name], fix), call)
    found = allocs_of(tmp_path, cases)
    for version, measured in found.items():
        for name, (before, after, was, now) in measured.items():
            assert after < before and was == now, (version, name, measured)
            print(version, name, before, "->", after)
