"""iface-direct and the optional-interface idiom: one field, element or map entry asserted several times
(`env.Data.(Validator)` then `env.Data.(Event)`, probe42c's Withdraw, Transfer and HTTPAddr), rewritten
together with the literal's other members (group.py); a local interface variable asserted and called through
(`c.(Describer)` and `c.Collect(f)`, probe42c's ExposeCounter: several.py, the call made on `&x` as
calls.py makes it); and `&x` asserted inside a func literal
the compiler says escapes, declined (captured.py: the rewrite was rejected every time, probe42c's
ReplayAsync). Each must-decline case keeps its naive rewrite, shown wrong. Allocation evidence under both
releases: AllocsPerRun of each fix, before and after.
"""

from __future__ import annotations

import pytest
from conftest import (
    allocs_of,
    assert_declines,
    assert_naive_is_wrong,
    edited,
    module,
    naive_mutants,
    proposals,
    proposals_by_case,
    releases,
)

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["iface-direct"]

EVENTS = """
type Withdrawn struct {
	Account string
	Amount  int64
}

func (*Withdrawn) Kind() string { return "withdrawn" }

func (w *Withdrawn) Validate() error {
	if w.Amount <= 0 {
		return errors.New("non-positive")
	}
	return nil
}

type Deposited struct{ Account string }

func (*Deposited) Kind() string { return "deposited" }

type Event interface{ Kind() string }

type Validator interface{ Validate() error }

type Envelope struct {
	Seq  uint64
	Data any
}
"""


def case(name: str, body: str) -> str:
    return f'package {name}\n\nimport "errors"\n{EVENTS}\n{body}'


FIXES = {
    # a field asserted for two interfaces: both conversions, the envelope goes
    "field_twice": (
        case(
            "field_twice",
            """// Withdraw validates a withdrawal and names it.
func Withdraw(acct string, amt int64) (string, error) {
	w := Withdrawn{Account: acct, Amount: amt}
	env := Envelope{Seq: 1, Data: &w}
	if v, ok := env.Data.(Validator); ok {
		if err := v.Validate(); err != nil {
			return "", err
		}
	}
	return env.Data.(Event).Kind() + " " + acct, nil
}
""",
        ),
        ("\t\tv := Validator(&w)\n", "return Event(&w).Kind()"),
        'fmt.Sprint({pkg}.Withdraw("a", 3))',
    ),
    # an element asserted twice beside another asserted once: one fix, the slice goes
    "element_twice": (
        case(
            "element_twice",
            """// Transfer validates the debit and names both events.
func Transfer(from, to string, amt int64) (string, error) {
	w := Withdrawn{Account: from, Amount: amt}
	d := Deposited{Account: to}
	pair := []any{&w, &d}
	if err := pair[0].(Validator).Validate(); err != nil {
		return "", err
	}
	return pair[0].(Event).Kind() + "/" + pair[1].(Event).Kind(), nil
}
""",
        ),
        ("Validator(&w).Validate()", 'Event(&w).Kind() + "/" + Event(&d).Kind()'),
        'fmt.Sprint({pkg}.Transfer("a", "b", 3))',
    ),
    # a map entry asserted for two optional interfaces: the map goes
    "entry_twice": (
        case(
            "entry_twice",
            """type section struct{ addr string }

func (s *section) SetDefaults() {
	if s.addr == "" {
		s.addr = ":80"
	}
}

func (s *section) Validate() error {
	if s.addr[0] != ':' {
		return errors.New("no port")
	}
	return nil
}

type defaulter interface{ SetDefaults() }

// Addr applies the section's defaults and validates it.
func Addr(addr string) (string, error) {
	sec := section{addr: addr}
	sections := map[string]any{"http": &sec}
	if d, ok := sections["http"].(defaulter); ok {
		d.SetDefaults()
	}
	if v, ok := sections["http"].(Validator); ok {
		if err := v.Validate(); err != nil {
			return "", err
		}
	}
	return sec.addr, nil
}
""",
        ),
        ("\t\td := defaulter(&sec)\n", "\t\tv := Validator(&sec)\n"),
        'fmt.Sprint({pkg}.Addr(""))',
    ),
}

COLLECTOR = """
type Collector interface{ Collect(emit func(string)) }

type Describer interface{ Help() string }

type vec struct {
	name string
	n    int
}

func (v *vec) Collect(emit func(string)) {
	for i := 0; i < v.n; i++ {
		emit(v.name)
	}
}

func (v *vec) Help() string { return "help " + v.name }
"""

FIXES["var_called"] = (
    case(
        "var_called",
        COLLECTOR
        + """
// Expose sums what the collector emits, after its help text.
func Expose(name string) int {
	v := vec{name: name, n: 3}
	var c Collector = &v
	total := 0
	if d, ok := c.(Describer); ok {
		total += len(d.Help())
	}
	c.Collect(func(s string) { total += len(s) })
	return total
}
""",
    ),
    ("\t\td := Describer(&v)\n", "\t(&v).Collect(func"),
    '{pkg}.Expose("ab")',
)

DECLINES = {
    # the field is rerouted between the two assertions: the second reads the other value
    "field_rerouted": (
        case(
            "field_rerouted",
            """// Settle validates a withdrawal and names what was recorded.
func Settle(acct string, amt int64, refund bool) (string, error) {
	w := Withdrawn{Account: acct, Amount: amt}
	env := Envelope{Seq: 1, Data: &w}
	if v, ok := env.Data.(Validator); ok {
		if err := v.Validate(); err != nil {
			return "", err
		}
	}
	if refund {
		env.Data = &Deposited{Account: acct}
	}
	return env.Data.(Event).Kind(), nil
}
""",
        ),
        "env is assigned after its declaration",
    ),
    # one assertion fails (a *Deposited has no Validate) and its else runs: the naive block does not compile
    "entry_one_fails": (
        case(
            "entry_one_fails",
            """// Check names the event, or says it cannot be validated.
func Check(acct string) string {
	d := Deposited{Account: acct}
	evs := map[string]any{"last": &d}
	if v, ok := evs["last"].(Validator); ok {
		_ = v.Validate()
	} else {
		return "unvalidated " + evs["last"].(Event).Kind()
	}
	return evs["last"].(Event).Kind()
}
""",
        ),
        "the assertion to Validator takes: it fails",
    ),
    # a deferred call through the variable reads the receiver when it runs: a value method's copy of g is
    # then taken after `g.v = 2`, where `defer (&g).Record(out)` copies g at the defer statement
    "var_deferred_call": (
        case(
            "var_deferred_call",
            """type recorder interface{ Record(out *string) }

type gauge struct{ v int }

func (g gauge) Record(out *string) { *out = string(rune('0' + g.v)) }

func (g *gauge) Help() string { return "gauge" }

// Final records the gauge's last value once the function is done.
func Final(out *string) string {
	g := gauge{v: 1}
	var c recorder = &g
	defer c.Record(out)
	help := ""
	if h, ok := c.(interface{ Help() string }); ok {
		help = h.Help()
	}
	g.v = 2
	return help
}
""",
        ),
        "called by a defer statement",
    ),
    # the call runs on a goroutine: made on &v there, the goroutine captures v, which stays on the heap
    "var_called_on_goroutine": (
        case(
            "var_called_on_goroutine",
            COLLECTOR
            + """
// Async sums what the collector emits on a worker, after its help text.
func Async(name string) int {
	v := vec{name: name, n: 2}
	var c Collector = &v
	total := 0
	if d, ok := c.(Describer); ok {
		total += len(d.Help())
	}
	done := make(chan struct{})
	go func() {
		c.Collect(func(s string) { total += len(s) })
		close(done)
	}()
	<-done
	return total
}
""",
        ),
        "the call at line 60 is in a func literal",
    ),
    # the assertion runs on a goroutine: converted there, &d is captured by an escaping literal
    "escaping_literal": (
        case(
            "escaping_literal",
            """// Later credits the account on a worker once the amount is settled.
func Later(bal map[string]int64, amt int64) <-chan bool {
	d := Withdrawn{Account: "ops"}
	var ev any = &d
	start := make(chan struct{})
	done := make(chan bool, 1)
	go func() {
		<-start
		e, ok := ev.(*Withdrawn)
		if ok {
			bal[e.Account] += e.Amount
		}
		done <- ok
	}()
	d.Amount = amt
	close(start)
	return done
}
""",
        ),
        "the compiler says escapes",
    ),
}


def replace(*pairs: tuple[str, str]):
    def rewrite(source: str) -> str:
        for old, new in pairs:
            source = source.replace(old, new)
        return source

    return rewrite


NAIVE = {
    "field_rerouted": (
        replace(("return env.Data.(Event).Kind(), nil", "return Event(&w).Kind(), nil")),
        'fmt.Sprint({pkg}.Settle("a", 3, true))',
    ),
    "entry_one_fails": (
        replace(
            (
                '\tevs := map[string]any{"last": &d}\n\tif v, ok := evs["last"].(Validator); ok {',
                "\t{\n\t\tv := Validator(&d)",
            ),
            ('\t} else {\n\t\treturn "unvalidated " + evs["last"].(Event).Kind()\n\t}\n', "\t}\n"),
            ('evs["last"].(Event)', "Event(&d)"),
        ),
        "does not implement",
    ),
    "var_deferred_call": (
        replace(
            ("\tvar c recorder = &g\n", ""),
            ("defer c.Record(out)", "defer (&g).Record(out)"),
            ("c.(interface{ Help() string })", "interface{ Help() string }(&g), true"),
        ),
        "func() string { var s string; {pkg}.Final(&s); return s }()",
    ),
    "var_called_on_goroutine": (
        replace(
            ("\tvar c Collector = &v\n", ""),
            ("if d, ok := c.(Describer); ok {", "{\n\t\td := Describer(&v)"),
            ("c.Collect(func", "(&v).Collect(func"),
        ),
        "moved to heap: v",
    ),
    "escaping_literal": (
        replace(("\tvar ev any = &d\n", ""), ("e, ok := ev.(*Withdrawn)", "e, ok := &d, true")),
        "moved to heap: d",
    ),
}


# go1.26 on devirtualize a local variable: nothing escapes
OLDER_ONLY = ("var_called", "var_deferred_call", "var_called_on_goroutine")


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: spec[0] for name, spec in {**FIXES, **DECLINES}.items()}
    found = proposals_by_case(tmp_path_factory.mktemp("iface-same-place"), RULE, cases)
    root = tmp_path_factory.mktemp("iface-same-place-older")
    module(root, {f"{name}/{name}.go": cases[name] for name in OLDER_ONLY})
    older = proposals(root, RULE, toolchains=[releases()[1]])
    return found | {pkg.rsplit("/", 1)[-1]: results for pkg, results in older.items()}


@pytest.mark.parametrize("name", list(FIXES))
def test_every_assertion_of_the_place_is_rewritten_in_one_fix(proposed, name):
    code, expected, _ = FIXES[name]
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]
    assert len({f.edits for f in fixes}) == 1, proposed[name]
    rewritten = edited(code, fixes[0])
    assert all(e in rewritten for e in expected), rewritten
    assert ".(" not in rewritten.split("\n// ")[-1], rewritten
    assert ("built only to be read back" if name not in OLDER_ONLY else "reads, together), and drop c") in fixes[
        0
    ].summary, fixes[0]


@pytest.mark.parametrize("name", list(DECLINES))
def test_declines(proposed, name):
    assert_declines(proposed.get(name, []), DECLINES[name][1])


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-same-place-naive"), toolchain, DECLINES, NAIVE)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


def test_the_rewrites_allocate_less_under_both_releases(tmp_path, proposed):
    """testing.AllocsPerRun of each fix, before and after its rewrite, under go1.24.11 and go1.27.3 (go1.26 on
    devirtualize a local interface variable's assertions and calls: var_called allocates nothing there before)."""
    cases = {}
    for name, (code, _, probe) in FIXES.items():
        (fix,) = {p.edits: p for p in proposed[name] if isinstance(p, Fix)}.values()
        cases[name] = (code, edited(code, fix), probe)
    for version, found in allocs_of(tmp_path, cases).items():
        for name, (before, after, original, rewritten) in found.items():
            assert after < before or (name == "var_called" and "1.24" not in version and after == before == 0), (
                version,
                name,
                before,
                after,
            )
            assert original == rewritten, (version, name, original, rewritten)
