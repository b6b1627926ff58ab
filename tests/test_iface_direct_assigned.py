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


# A type assertion through the assigned field (probe41c): an `any` field set field by field, asserted back.
SINK = """package {name}

import "io"

type counter struct{{ n int }}

func (c *counter) Write(p []byte) (int, error) {{ c.n += len(p); return len(p), nil }}

// Sink configures where a run writes.
type Sink struct {{
	Name string
	Out  any
}}

// Run writes the name twice to the configured sink and returns how many bytes it counted.
func Run(name string, quiet bool) int {{
	var c counter
	var s Sink
	s.Name = name
	s.Out = &c
{body}	for i := 0; i < 2; i++ {{
		w.Write([]byte(s.Name))
	}}
	return c.n
}}
"""
ASSERT = "\tw := s.Out.(io.Writer)\n"
ASSERTED = {"asserted": SINK.format(name="asserted", body=ASSERT)}
ASSERT_DECLINES = {
    # a quiet run writes to io.Discard: the naive conversion counts what it sent there
    "asserted_rerouted": (
        SINK.format(name="asserted_rerouted", body="\tif quiet {\n\t\ts.Out = io.Discard\n\t}\n" + ASSERT),
        "may change s.Out, which holds &c",
    ),
    # *counter has no Read: the assertion panics, the naive conversion does not compile
    "asserted_failing": (
        SINK.format(name="asserted_failing", body="\tw := s.Out.(io.ReadWriter)\n"),
        "is not of a type the assertion to io.ReadWriter takes: it fails",
    ),
    # not handled yet, rather than unsafe: the comma-ok forms are commaok.py's, which this module does not call
    "asserted_comma_ok": (
        SINK.format(name="asserted_comma_ok", body="\tw, ok := s.Out.(io.Writer)\n\tif !ok {\n\t\treturn -1\n\t}\n"),
        "is asserted with comma-ok",
    ),
    # the same in a var declaration (review adv41e): proposed, it reached the compiler as `var w, ok = io.Writer(&c)`
    "asserted_comma_ok_var": (
        SINK.format(
            name="asserted_comma_ok_var", body="\tvar w, ok = s.Out.(io.Writer)\n\tif !ok {\n\t\treturn -1\n\t}\n"
        ),
        "is asserted with comma-ok",
    ),
}
ASSERT_NAIVE = {
    "asserted_rerouted": (lambda s: s.replace(ASSERT, "\tw := io.Writer(&c)\n"), 'fmt.Sprint({pkg}.Run("db", true))'),
    "asserted_failing": (
        lambda s: s.replace("s.Out.(io.ReadWriter)", "io.ReadWriter(&c)"),
        "does not implement io.ReadWriter",
    ),
    "asserted_comma_ok": (
        lambda s: s.replace("w, ok := s.Out.(io.Writer)", "w, ok := io.Writer(&c), true"),
        'fmt.Sprint({pkg}.Run("db", true))',
    ),
}


@pytest.fixture(scope="module")
def asserted(tmp_path_factory):
    cases = {**ASSERTED, **{name: code for name, (code, _) in ASSERT_DECLINES.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("iface-assigned-asserted"), RULE, cases)


def test_an_assertion_through_the_assigned_field_converts_the_value(asserted):
    (fix,) = [p for p in asserted["asserted"] if isinstance(p, Fix)]
    assert "w := io.Writer(&c)\n" in edited(ASSERTED["asserted"], fix), fix
    assert "convert &c to io.Writer directly instead of through s.Out" in fix.summary, fix


@pytest.mark.parametrize("name", list(ASSERT_DECLINES))
def test_an_assertion_through_the_assigned_field_declines(asserted, name):
    assert_declines(asserted.get(name, []), ASSERT_DECLINES[name][1])


@pytest.mark.parametrize("name", [n for n in ASSERT_NAIVE if n != "asserted_comma_ok"])
def test_the_naive_assertion_rewrite_changes_what_the_code_does(tmp_path_factory, toolchain, name):
    found = naive_mutants(
        tmp_path_factory.mktemp(name), toolchain, {name: ASSERT_DECLINES[name]}, {name: ASSERT_NAIVE[name]}
    )
    assert_naive_is_wrong(found, ASSERT_DECLINES[name][0], ASSERT_NAIVE[name], name)


def test_the_assigned_field_assertion_allocates_less_under_both_releases(tmp_path, asserted):
    (fix,) = [p for p in asserted["asserted"] if isinstance(p, Fix)]
    code = ASSERTED["asserted"]
    for version, measured in allocs_of(
        tmp_path, {"asserted": (code, edited(code, fix), '{pkg}.Run("db", false)')}
    ).items():
        for name, (before, after, was, now) in measured.items():
            assert after < before and was == now, (version, name, measured)
            print(version, name, before, "->", after)
