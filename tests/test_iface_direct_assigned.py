"""iface-direct through a field set by an assignment (assigned.py): `var o Options; o.Logger = &c;
o.Logger.Log(msg)`, a zero options struct filled field by field. Declined where o.Logger may not hold `&c`
at the call, each with its naive rewrite, which counts what the original did not or does not panic where
it did. AllocsPerRun under both releases."""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_declines, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

OPTIONS = """package {name}

// Logger records one line.
type Logger interface{{ Log(msg string) }}

type counter struct{{ n int }}

func (c *counter) Log(msg string) {{ c.n += len(msg) }}

type discard struct{{}}

func (discard) Log(string) {{}}

// Options configure a run.
type Options struct {{
	Name    string
	Retries int
	Logger  Logger
}}

func configure(o *Options) {{ o.Logger = discard{{}} }}

var _ = configure

// Run logs each retry and returns how many bytes were logged.
func Run(name string, quiet bool) int {{
	var c counter
{body}	return c.n
}}
"""

ZERO = "\tvar o Options\n\to.Name = name\n\to.Retries = 2\n"
SET = "\to.Logger = &c\n"
CALLS = '\tfor i := 0; i < o.Retries; i++ {\n\t\to.Logger.Log("retry " + o.Name)\n\t}\n'
DIRECT = ('\t\to.Logger.Log("retry " + o.Name)\n', '\t\t(&c).Log("retry " + o.Name)\n')


def options(name: str, body: str) -> str:
    return OPTIONS.format(name=name, body=body)


FIXES = {
    "field_by_field": options("field_by_field", ZERO + SET + CALLS),
    "literal_zero": options("literal_zero", "\to := Options{}\n\to.Name = name\n\to.Retries = 1\n" + SET + CALLS),
    "in_loop": options(
        "in_loop",
        "\tfor k := 0; k < 2; k++ {\n\t\tvar o Options\n\t\to.Logger = &c\n\t\to.Logger.Log(name)\n\t}\n",
    ),
}
DECLINES = {
    "set_twice": (
        options("set_twice", ZERO + SET + "\tif quiet {\n\t\to.Logger = discard{}\n\t}\n" + CALLS),
        "may change o.Logger, which holds &c",
    ),
    "addressed": (
        options("addressed", ZERO + SET + "\tif quiet {\n\t\tconfigure(&o)\n\t}\n" + CALLS),
        "o is used other than by its fields",
    ),
    # the first read runs before the assignment: the nil interface's call panics there, the direct one does not
    "read_before": (
        options("read_before", ZERO + '\tif quiet {\n\t\to.Logger.Log("early")\n\t}\n' + SET + CALLS),
        "where the assignment of line",
    ),
    # set only when not quiet: a quiet run calls through a nil interface and panics
    "set_in_branch": (
        options("set_in_branch", ZERO + "\tif !quiet {\n\t" + SET + "\t}\n" + CALLS),
        "not declared in the block of the assignment",
    ),
}
# Logger is promoted from the embedded Base: `o.Base = Base{…}` writes it under another name (review adv40b)
PROMOTED = """package promoted

// Logger records one line.
type Logger interface{ Log(msg string) }

type counter struct{ n int }

func (c *counter) Log(msg string) { c.n += len(msg) }

// Base holds what every client shares.
type Base struct{ Logger Logger }

// Options configure a dial.
type Options struct {
	Base
	Addr string
}

var audit counter

// Dial logs to the audit log when audited, and returns what was logged locally.
func Dial(addr string, audited bool) int {
	var local counter
	var opts Options
	opts.Addr = addr
	opts.Logger = &local
	if audited {
		opts.Base = Base{Logger: &audit}
	}
	opts.Logger.Log("dial " + opts.Addr)
	return local.n
}
"""
DECLINES["promoted"] = (PROMOTED, "opts.Logger is promoted from an embedded field")

RECOVERED = (
    "func() (got string) {{ defer func() {{ got = fmt.Sprint(recover()) }}(); "
    'got = fmt.Sprint({pkg}.Run("db", true)); return }}()'
)
NAIVE = {
    "set_twice": (lambda s: s.replace(*DIRECT), 'fmt.Sprint({pkg}.Run("db", true))'),
    "addressed": (lambda s: s.replace(*DIRECT), 'fmt.Sprint({pkg}.Run("db", true))'),
    "read_before": (
        lambda s: s.replace(*DIRECT).replace('\t\to.Logger.Log("early")\n', '\t\t(&c).Log("early")\n'),
        RECOVERED,
    ),
    "set_in_branch": (lambda s: s.replace(*DIRECT), RECOVERED),
    "promoted": (
        lambda s: s.replace('\topts.Logger.Log("dial "', '\t(&local).Log("dial "'),
        'fmt.Sprint({pkg}.Dial("db", true))',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**FIXES, **{name: code for name, (code, _) in DECLINES.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("iface-assigned"), RULE, cases)


@pytest.mark.parametrize("name", list(FIXES))
def test_calls_the_assigned_value_directly(proposed, name):
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    assert fix.safety == "safe" and "(set at line" in fix.summary, fix
    assert "(&c).Log(" in edited(FIXES[name], fix)


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-assigned-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_changes_what_the_code_does(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_assigned_field_calls_allocate_less_under_both_releases(tmp_path, proposed):
    cases = {}
    for name, code in FIXES.items():
        (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
        cases[name] = (code, edited(code, fix), '{pkg}.Run("db", false)')
    for version, measured in allocs_of(tmp_path, cases).items():
        for name, (before, after, was, now) in measured.items():
            assert after < before and was == now, (version, name, measured)
            print(version, name, before, "->", after)
