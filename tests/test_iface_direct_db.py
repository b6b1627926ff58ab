"""iface-direct on database access code (session 46's probe iface-db): a local literal's field called through and
asserted alike (`s.Dialect.Quote(t)` beside `if l, ok := s.Dialect.(Limiter); ok {`: several.py with a place), a
field holding a variable by value called through (`pair.in.Value()` becomes `in.Value()`: calls.py's `_by_value`),
a struct type's field named like the stored variable (`struct{ in, out any }{in, &out}`: no identifier can mean a
field, contents.UNNAMED), and another element of a destination list handed to a callee that keeps it, declined (the
compiler rejected the single rewrite every time: escape analysis is field-insensitive). A check of an element at an
index not known here declines (`element_index_unknown`: another element may answer it). Each must-decline case keeps
its naive rewrite, shown wrong; AllocsPerRun of each fix, before and after, under go1.24.11 and go1.27.3.
"""

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

RULE = RULES["iface-direct"]

DIALECTS = """
type Dialect interface {
	Placeholder(i int) string
	Quote(ident string) string
}

type Limiter interface{ Limit(n int) string }

type Postgres struct{ Schema string }

func (p *Postgres) Placeholder(i int) string { return "$" + strconv.Itoa(i) }
func (p *Postgres) Quote(ident string) string { return `"` + ident + `"` }

// MSSQL spells LIMIT itself.
type MSSQL struct{ Prefix string }

func (m *MSSQL) Placeholder(i int) string { return "@p" + strconv.Itoa(i) }
func (m *MSSQL) Quote(ident string) string { return "[" + m.Prefix + ident + "]" }
func (m *MSSQL) Limit(n int) string       { return " OFFSET 0 ROWS FETCH NEXT " + strconv.Itoa(n) + " ROWS ONLY" }

// Lite is a value: its methods copy it.
type Lite struct{ Prefix string }

func (l Lite) Placeholder(int) string     { return "?" }
func (l Lite) Quote(ident string) string  { return "`" + l.Prefix + ident + "`" }

type Settings struct {
	DSN     string
	Dialect Dialect
}
"""


def case(name: str, body: str, imports: str = 'import "strconv"') -> str:
    return f"package {name}\n\n{imports}\n{DIALECTS}\n{body}"


FIXES = {
    # a call and a succeeding comma-ok assertion of one field: both go to &ms, the if becomes a block, s goes
    "called_and_asserted": (
        case(
            "called_and_asserted",
            """// Page selects one page of a table for SQL Server.
func Page(table string, n int) string {
	ms := MSSQL{Prefix: "dbo."}
	s := Settings{DSN: "sqlserver://localhost", Dialect: &ms}
	q := "SELECT * FROM " + s.Dialect.Quote(table)
	if l, ok := s.Dialect.(Limiter); ok {
		return q + l.Limit(n)
	}
	return q + " LIMIT " + strconv.Itoa(n)
}
""",
        ),
        ("(&ms).Quote(table)", "l := Limiter(&ms)"),
        '{pkg}.Page("users", 5)',
    ),
    # a value stored in one field and a pointer in the other, each called through; the struct's fields are named
    # like the variables: go/types says neither field is what `in` or `&out` could mean at the call
    "value_and_pointer": (
        case(
            "value_and_pointer",
            """// Names quotes a column the way two dialects spell it.
func Names(col string) string {
	in := Lite{Prefix: "main."}
	var out Postgres
	pair := struct {
		in  Dialect
		out Dialect
	}{in, &out}
	return pair.in.Quote(col) + " " + pair.out.Quote(col) + pair.out.Placeholder(1)
}
""",
        ),
        ("in.Quote(col)", "(&out).Quote(col)", "(&out).Placeholder(1)"),
        '{pkg}.Names("id")',
    ),
}

DECLINES = {
    # the field is rerouted before the calls: they do not go to &pg
    "mixed_rerouted": (
        case(
            "mixed_rerouted",
            """// Page selects a page for the dialect a flag names.
func Page(table string, n int, mssql bool) string {
	var pg Postgres
	var ms MSSQL
	s := Settings{Dialect: &pg}
	if mssql {
		s.Dialect = &ms
	}
	q := "SELECT * FROM " + s.Dialect.Quote(table)
	if l, ok := s.Dialect.(Limiter); ok {
		return q + l.Limit(n)
	}
	return q + " LIMIT " + strconv.Itoa(n)
}
""",
        ),
        "s is assigned after its declaration",
    ),
    # the check reads the element a flag picks: for SQL Server's it succeeds, so it cannot go as never run
    "element_index_unknown": (
        case(
            "element_index_unknown",
            """// Page quotes with the primary dialect and limits with the one the caller picks.
func Page(table string, n, pick int) string {
	var pg Postgres
	var ms MSSQL
	ds := []Dialect{&pg, &ms}
	q := "SELECT * FROM " + ds[0].Quote(table)
	if l, ok := ds[pick].(Limiter); ok {
		return q + l.Limit(n)
	}
	return q + " LIMIT " + strconv.Itoa(n)
}
""",
        ),
        "the assertion reads ds[pick]: which element is not known here",
    ),
    # the value changes after it is stored: the interface holds the copy made at the store
    "value_changed": (
        case(
            "value_changed",
            """// Column quotes a column, then switches the schema for the next statement.
func Column(col string) (string, bool) {
	l := Lite{Prefix: "main."}
	s := Settings{Dialect: l}
	l.Prefix = "temp."
	_, known := any(col).(fmt.Stringer)
	return s.Dialect.Quote(col) + " " + l.Quote(col), known
}
""",
            'import (\n\t"fmt"\n\t"strconv"\n)',
        ),
        "l may change after it is stored",
    ),
    # a go1.21 file's range variable is one for every iteration: the func literal built in the first iteration
    # calls through its own s, holding the first l, where a call on l reads the last one (adv46e)
    "value_loop_shared": (
        "//go:build go1.21\n\n"
        + case(
            "value_loop_shared",
            """// Columns quotes a column the way the first dialect listed spells it, and names every schema.
func Columns(dialects []Lite, col any) string {
	name, _ := col.(string)
	var first func() string
	var schemas []func() string
	for _, l := range dialects {
		schemas = append(schemas, func() string { return l.Prefix })
		s := Settings{Dialect: l}
		if first == nil {
			first = func() string { return s.Dialect.Quote(name) }
		}
	}
	out := first()
	for _, schema := range schemas {
		out += " " + schema()
	}
	return out
}
""",
        ),
        "l is a loop variable shared by all iterations",
    ),
    # the destination list's other element goes to a callee that keeps it: dests stays on the heap with both
    "element_kept": (
        case(
            "element_kept",
            """var kept []any

func keep(p any) { kept = append(kept, p) }

type Counter struct{ n int64 }

func (c *Counter) Scan(src any) error { c.n, _ = src.(int64); return nil }

type Scanner interface{ Scan(src any) error }

// Pair scans the count and hands the name's destination to the row cache.
func Pair(src any) int64 {
	var n Counter
	var name string
	dests := []any{&n, &name}
	dests[0].(Scanner).Scan(src)
	keep(dests[1])
	return n.n
}
""",
        ),
        "dests[1] is passed to keep",
    ),
}


# A plain read of a field beside an assertion (contents.plain_read) is no decline: the rule falls back to the single
# rewrite, which keeps the literal (the compiler rejects it). A go1.21 file's range variable read in a func literal
# built in the first iteration gives the last value, where the field holds the first (adv46e).
KEPT_READS = {
    "read_loop_shared": (
        "//go:build go1.21\n\n"
        + case(
            "read_loop_shared",
            """// Tables quotes each table for Postgres, and names the first one after the loop.
func Tables(tables []string) string {
	var pg Postgres
	var first func() string
	var all []func() string
	out := ""
	for _, table := range tables {
		all = append(all, func() string { return table })
		t := struct {
			Name    string
			Dialect any
		}{table, &pg}
		out += t.Dialect.(Dialect).Quote(table)
		if first == nil {
			first = func() string { return t.Name }
		}
	}
	return out + " first " + first() + " of " + strconv.Itoa(len(all))
}
""",
        ),
        "return t.Name }",
    ),
}


def replace(*pairs: tuple[str, str]):
    def rewrite(source: str) -> str:
        for old, new in pairs:
            source = source.replace(old, new, 1)
        return source

    return rewrite


NAIVE = {
    "mixed_rerouted": (
        replace(
            ("\ts := Settings{Dialect: &pg}\n\tif mssql {\n\t\ts.Dialect = &ms\n\t}\n", "\t_ = &ms\n"),
            ("s.Dialect.Quote(table)", "(&pg).Quote(table)"),
            ("\tif l, ok := s.Dialect.(Limiter); ok {\n\t\treturn q + l.Limit(n)\n\t}\n", ""),
        ),
        '{pkg}.Page("users", 5, true)',
    ),
    "element_index_unknown": (
        replace(
            ("\tds := []Dialect{&pg, &ms}\n", "\t_ = &ms\n"),
            ("ds[0].Quote(table)", "(&pg).Quote(table)"),
            ("\tif l, ok := ds[pick].(Limiter); ok {\n\t\treturn q + l.Limit(n)\n\t}\n", ""),
        ),
        '{pkg}.Page("users", 5, 1)',
    ),
    "value_changed": (
        replace(("\ts := Settings{Dialect: l}\n", ""), ("s.Dialect.Quote(col)", "l.Quote(col)")),
        'fmt.Sprint({pkg}.Column("id"))',
    ),
    "value_loop_shared": (
        replace(("\t\ts := Settings{Dialect: l}\n", ""), ("s.Dialect.Quote(name)", "l.Quote(name)")),
        '{pkg}.Columns([]{pkg}.Lite{{Prefix: "main."}, {Prefix: "temp."}}, "id")',
    ),
    "read_loop_shared": (
        replace(
            ("\t\tt := struct {\n\t\t\tName    string\n\t\t\tDialect any\n\t\t}{table, &pg}\n", ""),
            ("t.Dialect.(Dialect)", "Dialect(&pg)"),
            ("return t.Name }", "return table }"),
        ),
        '{pkg}.Tables([]string{"users", "orders"})',
    ),
    "element_kept": (
        replace(("dests[0].(Scanner)", "Scanner(&n)")),
        "moved to heap: n",
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: spec[0] for name, spec in {**FIXES, **DECLINES, **KEPT_READS}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("iface-db"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes_the_direct_calls(proposed, name):
    code, expected, _ = FIXES[name]
    (fix,) = {p.edits: p for p in proposed[name] if isinstance(p, Fix)}.values()
    rewritten = edited(code, fix)
    assert all(e in rewritten for e in expected), rewritten
    assert "Settings{" not in rewritten.split("\n// ")[-1] and "pair" not in rewritten.split("\n// ")[-1], rewritten


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.mark.parametrize("name", list(KEPT_READS))
def test_keeps_the_read(proposed, name):
    code, kept = KEPT_READS[name]
    assert proposed[name], proposed
    assert all(kept in edited(code, p) for p in proposed[name] if isinstance(p, Fix)), proposed[name]


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-db-naive"), toolchain, {**DECLINES, **KEPT_READS}, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, {**DECLINES, **KEPT_READS}[name][0], NAIVE[name], name)


def test_the_rewrites_allocate_less_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun of each fix, before and after its rewrite, under go1.24.11 and go1.27.3, and the same
    result."""
    cases = {}
    for name, (code, _, call) in FIXES.items():
        (fix,) = {p.edits: p for p in proposed[name] if isinstance(p, Fix)}.values()
        cases[name] = (code, edited(code, fix), call)
    for version, found in allocs_of(tmp_path, cases).items():
        for name, (before, after, original, rewritten) in found.items():
            print(version, name, before, "->", after)
            assert after < before and original == rewritten, (version, name, before, after, original, rewritten)
