"""closure and a table of method values: `ops := map[string]func(args []string) error{"get": s.get, …}`, looked
up and called, allocates a closure per method value (a map's values live on the heap), where a method expression
`(*Server).get`, given the receiver at the call, allocates none. A method value binds its receiver where the table
is made; the expression reads the variable where an element is called. They agree when nothing writes the
variable after the table is made (nor in a loop around it, nor in a func literal, which may run whenever it is
called), its address is never taken, and the bound receiver is the variable itself: a pointer with a pointer
receiver's method, or a value with a value receiver's. `p.show` of a value-receiver method through a pointer p
copies *p with the table: later writes through p are not seen, so the rewrite makes that copy itself, `plan := *p`
right before the table, and passes it (golden table_pointee_copy_quota); no copy stands for a table that also binds
a pointer receiver (golden decline_table_pointee_mixed) or calls something before its elements are evaluated.

Tables as for conftest.case_suite: FIXES (source, what the rewritten file must contain, the call AllocsPerRun
runs), DECLINES (source, the reason), NAIVE (the rewrite a careless rule would make, and a probe showing it changes
what the code does).
"""

from __future__ import annotations

import pytest
from conftest import assert_declines, case_suite, edited, module, only_fix, proposals

from gorewrite.proposals import Fix
from gorewrite.rules import RULES

RULE = RULES["closure"]

FIXES = {
    "method_values_pointer": (  # the golden's shape, with a `v, ok := t[k]` lookup and len
        """package method_values_pointer

import "strings"

// Shell runs a few built-in commands against its working directory.
type Shell struct{ dir string }

func (s *Shell) pwd(args []string) string { return s.dir }

func (s *Shell) cd(args []string) string {
	if len(args) > 0 {
		s.dir = args[0]
	}
	return s.dir
}

// Run runs one command line and returns its output.
func (s *Shell) Run(line string) string {
	builtins := map[string]func([]string) string{
		"pwd": s.pwd,
		"cd":  s.cd,
	}
	fields := strings.Fields(line)
	if len(fields) == 0 || len(builtins) == 0 {
		return ""
	}
	if run, ok := builtins[fields[0]]; ok {
		return run(fields[1:])
	}
	return "unknown: " + fields[0]
}
""",
        '"pwd": (*Shell).pwd,',
        'fmt.Sprint((&{pkg}.Shell{}).Run("cd /tmp"), (&{pkg}.Shell{}).Run("pwd"))',
    ),
    "method_values_value": (  # a value receiver through a value: the copy is made with the table or at the call
        """package method_values_value

import "strconv"

// Money formats amounts in one currency.
type Money struct {
	Symbol string
	Places int
}

func (m Money) short(v float64) string { return m.Symbol + strconv.FormatFloat(v, 'f', 0, 64) }

func (m Money) long(v float64) string { return m.Symbol + strconv.FormatFloat(v, 'f', m.Places, 64) }

// Format formats v in the named style.
func Format(symbol string, style string, v float64) string {
	m := Money{Symbol: symbol, Places: 2}
	if symbol == "" {
		m.Symbol = "$"
	}
	styles := map[string]func(float64) string{
		"short": m.short,
		"long":  m.long,
	}
	if f, ok := styles[style]; ok {
		return f(v)
	}
	return styles["long"](v)
}
""",
        '"short": Money.short,',
        'fmt.Sprint({pkg}.Format("", "short", 3.5), {pkg}.Format("EUR ", "other", 3.5))',
    ),
    "method_values_pointee_copy": (  # value receivers through a pointer: the copy of *m is made with the table
        """package method_values_pointee_copy

import "strconv"

// Meter reports a reading in two units.
type Meter struct{ Watts int }

func (m Meter) watts() string { return strconv.Itoa(m.Watts) + " W" }

func (m Meter) kilowatts() string { return strconv.Itoa(m.Watts/1000) + " kW" }

// Show names the reading in unit as the table saw it, though the meter moves on before.
func Show(m *Meter, unit string) string {
	units := map[string]func() string{"W": m.watts, "kW": m.kilowatts}
	m.Watts += 1000
	show, ok := units[unit]
	if !ok {
		show = units["W"]
	}
	return show()
}
""",
        "unitsRecv := *m // the receiver the table's method values copy",
        'fmt.Sprint({pkg}.Show(&{pkg}.Meter{Watts: 2000}, "kW"), {pkg}.Show(&{pkg}.Meter{Watts: 5}, "?"))',
    ),
    "method_values_pointer_alias": (  # a pointer receiver through `type CounterRef = *Counter`: spelled as the alias
        """package method_values_pointer_alias

// Counter counts up and down.
type Counter struct{ n int }

func (c *Counter) inc(k int) int { c.n += k; return c.n }

func (c *Counter) dec(k int) int { c.n -= k; return c.n }

// CounterRef is how callers hold a counter.
type CounterRef = *Counter

// Apply applies the named step; an unknown one leaves the count.
func Apply(c CounterRef, op string, k int) int {
	ops := map[string]func(int) int{"inc": c.inc, "dec": c.dec}
	f := ops[op]
	if f == nil {
		return c.n
	}
	return f(k)
}
""",
        '"inc": CounterRef.inc,',
        'func() int { c := &{pkg}.Counter{}; {pkg}.Apply(c, "inc", 5); {pkg}.Apply(c, "?", 1); '
        'return {pkg}.Apply(c, "dec", 2) }()',
    ),
    "literals_named_type": (  # forwarding literals under a named func type, looked up again as a fallback
        """package literals_named_type

import "strings"

// command runs with the words after its name.
type command func(args []string) string

// Repo answers version-control-like commands.
type Repo struct{ branch string }

func (r *Repo) status(args []string) string { return "on " + r.branch }

func (r *Repo) checkout(args []string) string {
	if len(args) > 0 {
		r.branch = args[0]
	}
	return r.branch
}

// Exec runs one command line; an unknown command shows the status.
func (r *Repo) Exec(line string) string {
	cmds := map[string]command{
		"status":   func(args []string) string { return r.status(args) },
		"checkout": func(args []string) string { return r.checkout(args) },
	}
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return ""
	}
	run, ok := cmds[fields[0]]
	if !ok {
		run = cmds["status"]
	}
	return run(fields[1:])
}
""",
        "cmds := map[string]func(_ *Repo, args []string) string{",
        'func() string { r := &{pkg}.Repo{}; return r.Exec("checkout main") + r.Exec("log") }()',
    ),
}

DECLINES = {
    "decline_method_value_rebound_in_literal": (
        """package decline_method_value_rebound_in_literal

// Node is one replica.
type Node struct{ Name string }

func (n *Node) describe() string { return n.Name }

// Describe answers from the primary, failing over to the replica between the two answers: the method
// value keeps the node it was bound to.
func Describe(primary, replica *Node) string {
	n := primary
	failover := func() { n = replica }
	answers := map[string]func() string{"name": n.describe}
	first := answers["name"]()
	failover()
	return first + "," + answers["name"]()
}
""",
        "n is written in a func literal (line 12), which may run after the table is made",
    ),
    "decline_method_value_value_written": (
        """package decline_method_value_value_written

import "strconv"

// Level is a log level.
type Level struct{ N int }

func (l Level) label() string { return "L" + strconv.Itoa(l.N) }

// Labels names the level before and after it is raised: the method value copied it with the table.
func Labels(n int) string {
	l := Level{N: n}
	names := map[string]func() string{"label": l.label}
	before := names["label"]()
	l.N++
	return before + "," + names["label"]()
}
""",
        "l is written after the table is made (line 15)",
    ),
    "decline_element_assigned_function": (  # the element variable may hold a function no method expression is
        """package decline_element_assigned_function

type Calc struct{ acc int }

func (c *Calc) add(n int) int { c.acc += n; return c.acc }
func (c *Calc) sub(n int) int { c.acc -= n; return c.acc }

func ignore(n int) int { return 0 }

// Apply applies the named operation; unknown ones are ignored.
func (c *Calc) Apply(op string, n int) int {
	ops := map[string]func(int) int{"add": c.add, "sub": c.sub}
	f, ok := ops[op]
	if !ok {
		f = ignore
	}
	return f(n)
}
""",
        "f, an element of ops, is used other than by a call (line 15)",
    ),
    "decline_method_value_spawner_writes": (  # the table is a goroutine's; the spawner replaces s once it is made
        """package decline_method_value_spawner_writes

import "strings"

// Server answers with its name.
type Server struct{ name string }

func (s *Server) get(b *strings.Builder) { b.WriteString(s.name) }

// Handover starts a worker that binds s.get in its table, then replaces s before the worker answers: the
// method value keeps the server the table was made with.
func Handover() string {
	var b strings.Builder
	s := &Server{name: "one"}
	ready, done := make(chan bool), make(chan bool)
	for i := 0; i < 2; i++ {
		if i == 1 {
			s = &Server{name: "two"}
			done <- true
			<-ready
			break
		}
		go func() {
			t := map[string]func(*strings.Builder){"n": s.get}
			ready <- true
			<-done
			t["n"](&b)
			ready <- true
		}()
		<-ready
	}
	return b.String()
}
""",
        "s is declared outside the func literal making the table: the function declaring it may write it",
    ),
    "decline_method_value_foreign_type": (  # time.Time's String has a value receiver; this package's Time's has not
        """package decline_method_value_foreign_type

import "time"

// Time is this package's own reading, named as the standard library's.
type Time struct{ sec int64 }

func (t *Time) String() string { return "local" }

// Stamp shows the time before it moves on: p.String copies *p with the table.
func Stamp() string {
	now := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &now
	show := map[string]func() string{"s": p.String}
	*p = p.Add(time.Hour)
	return show["s"]()
}
""",
        "String is a method of time.Time, a type another package declares",
    ),
    "decline_method_value_pointer_alias": (  # `type PlanRef = *Plan`: a pointer its spelling shows no star of
        """package decline_method_value_pointer_alias

import "strconv"

// Plan is a quota plan.
type Plan struct{ Limit int }

func (p Plan) show() string { return strconv.Itoa(p.Limit) }

// PlanRef is how callers hold a plan.
type PlanRef = *Plan

// Upgrade doubles the plan and shows it as it was: p.show copies *p with the table.
func Upgrade(p PlanRef) string {
	views := map[string]func() string{"show": p.show}
	p.Limit *= 2
	return views["show"]()
}
""",
        "show has a value receiver and p is a pointer: the method value p.show copies *p where the table is made",
    ),
    "decline_method_value_call_in_table": (  # next() writes *s before s.label copies it: no copy stands before
        """package decline_method_value_call_in_table

import "strconv"

// Shard is one generation of an index.
type Shard struct{ gen int }

func (s Shard) label() string { return "gen" + strconv.Itoa(s.gen) }

func (s *Shard) next() string { s.gen++; return "next" }

// Labels names the next generation: the key's call runs before the method value copies the shard.
func Labels(s *Shard) string {
	names := map[string]func() string{s.next(): s.label}
	return names["next"]()
}
""",
        "label has a value receiver and s is a pointer",
    ),
    "decline_method_value_mixed_receivers": (  # bump writes *c, which show's copy, made with the table, misses
        """package decline_method_value_mixed_receivers

import "strconv"

// Clicks counts clicks.
type Clicks struct{ n int }

func (c Clicks) show() string { return strconv.Itoa(c.n) }

func (c *Clicks) bump() string { c.n++; return "+1" }

// Play runs the named actions in order.
func Play(c *Clicks, actions []string) string {
	do := map[string]func() string{"show": c.show, "bump": c.bump}
	out := ""
	for _, a := range actions {
		out += do[a]() + ";"
	}
	return out
}
""",
        "show has a value receiver and c is a pointer",
    ),
}

NAIVE = {
    "decline_method_value_call_in_table": (  # the copy made before the statement, before next() runs
        lambda source: (
            source.replace(
                "\tnames := map[string]func() string{", "\tshard := *s\n\tnames := map[string]func(Shard) string{"
            )
            .replace("s.next(): s.label}", "s.next(): Shard.label}")
            .replace('names["next"]()', 'names["next"](shard)')
        ),
        "{pkg}.Labels(&{pkg}.Shard{})",
    ),
    "decline_method_value_mixed_receivers": (  # both read *c where they are called
        lambda source: (
            source.replace('{"show": c.show, "bump": c.bump}', '{"show": (*Clicks).show, "bump": (*Clicks).bump}')
            .replace("map[string]func() string", "map[string]func(*Clicks) string")
            .replace("do[a]()", "do[a](c)")
        ),
        '{pkg}.Play(&{pkg}.Clicks{}, []string{"bump", "show"})',
    ),
    "decline_method_value_rebound_in_literal": (
        lambda source: (
            source.replace('{"name": n.describe}', '{"name": (*Node).describe}')
            .replace("map[string]func() string", "map[string]func(*Node) string")
            .replace('answers["name"]()', 'answers["name"](n)')
        ),
        'fmt.Sprint({pkg}.Describe(&{pkg}.Node{Name: "a"}, &{pkg}.Node{Name: "b"}))',
    ),
    "decline_method_value_value_written": (
        lambda source: (
            source.replace('{"label": l.label}', '{"label": Level.label}')
            .replace("map[string]func() string", "map[string]func(Level) string")
            .replace('names["label"]()', 'names["label"](l)')
        ),
        "fmt.Sprint({pkg}.Labels(1))",
    ),
    "decline_element_assigned_function": (
        lambda source: (
            source.replace('{"add": c.add, "sub": c.sub}', '{"add": (*Calc).add, "sub": (*Calc).sub}')
            .replace("map[string]func(int) int", "map[string]func(*Calc, int) int")
            .replace("return f(n)", "return f(c, n)")
        ),
        "cannot use ignore",
    ),
    "decline_method_value_spawner_writes": (
        lambda source: (
            source.replace('{"n": s.get}', '{"n": (*Server).get}')
            .replace("map[string]func(*strings.Builder)", "map[string]func(*Server, *strings.Builder)")
            .replace('t["n"](&b)', 't["n"](s, &b)')
        ),
        "{pkg}.Handover()",
    ),
    "decline_method_value_foreign_type": (
        lambda source: (
            source.replace('{"s": p.String}', '{"s": (*time.Time).String}')
            .replace("map[string]func() string", "map[string]func(*time.Time) string")
            .replace('show["s"]()', 'show["s"](p)')
        ),
        "{pkg}.Stamp()",
    ),
    "decline_method_value_pointer_alias": (
        lambda source: (
            source.replace('{"show": p.show}', '{"show": PlanRef.show}')
            .replace("map[string]func() string", "map[string]func(PlanRef) string")
            .replace('views["show"]()', 'views["show"](p)')
        ),
        "{pkg}.Upgrade(&{pkg}.Plan{Limit: 3})",
    ),
}

globals().update(case_suite("methodvalues", RULE, FIXES, DECLINES, NAIVE, pinned=True))


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    assert FIXES[name][1] in edited(FIXES[name][0], only_fix(proposed[name]))


PER_BUILD = """package pb

// Plan is a quota plan.
type Plan struct{ Limit int }

// Upgrade doubles the plan and shows it as the table saw it.
func Upgrade(p *Plan) string {
	views := map[string]func() string{"show": p.show}
	p.Limit *= 2
	return views["show"]()
}
"""
SHOWS = {  # a pointer receiver here, a value receiver where `-tags copyplan` builds: there p.show copies *p
    "show_ptr.go": '//go:build !copyplan\n\npackage pb\n\nimport "strconv"\n\n'
    "func (p *Plan) show() string { return strconv.Itoa(p.Limit) }\n",
    "show_val.go": '//go:build copyplan\n\npackage pb\n\nimport "strconv"\n\n'
    "func (p Plan) show() string { return strconv.Itoa(p.Limit) }\n",
}
SHOW_PROBE = """package main

import (
	"fmt"

	n "example.com/m/n"
	o "example.com/m/o"
)

func main() { fmt.Println(o.Upgrade(&o.Plan{Limit: 3}), n.Upgrade(&n.Plan{Limit: 3})) }
"""


def test_method_value_of_a_per_build_receiver_declines(tmp_path):
    """show's receiver is a pointer in this build and a value in another: the method value copies *p there."""
    module(tmp_path, {"pb/pb.go": PER_BUILD, **{f"pb/{name}": text for name, text in SHOWS.items()}})
    found = proposals(tmp_path, RULE)["example.com/m/pb"]
    assert_declines(found, "show_val.go, which another build compiles, may declare show with another receiver")


def test_method_value_of_a_per_build_receiver_naive_is_wrong(tmp_path, toolchain):
    """Built with -tags copyplan, the naive method expression reads the doubled plan the table did not bind."""
    naive = (
        PER_BUILD.replace('{"show": p.show}', '{"show": (*Plan).show}')
        .replace("map[string]func() string", "map[string]func(*Plan) string")
        .replace('views["show"]()', 'views["show"](p)')
    )
    files = {"o/pb.go": PER_BUILD, "n/pb.go": naive, "main.go": SHOW_PROBE}
    files |= {f"{d}/{name}": text for d in "on" for name, text in SHOWS.items()}
    files = {path: text.replace("package pb", f"package {path[0]}") for path, text in files.items()}
    module(tmp_path, files)
    ran = toolchain.run(["run", "-tags", "copyplan", "."], str(tmp_path))
    assert ran.returncode == 0, ran.stderr.decode()
    assert ran.stdout.decode().split() == ["3", "6"]


NESTED_TABLES = """package nt

import "strconv"

// Plan is a tenant's plan.
type Plan struct {
	Name     string
	Requests int
}

func (p Plan) requests() string { return p.Name + ": " + strconv.Itoa(p.Requests) }

func (p Plan) name() string { return p.Name }

// Report names the plan as admitted, upgrades it, then names it as admitted beside its new name.
func Report(p *Plan) string {
	admitted := map[string]func() string{"requests": p.requests}
	p.Name, p.Requests = "pro", 99
	out := ""
	{
		now := map[string]func() string{"name": p.name}
		out += admitted["requests"]() + " / " + now["name"]() + "; "
	}
	return out + admitted["requests"]()
}
"""

NESTED_PROBE = """package main

import (
	"fmt"

	"example.com/m/n"
	"example.com/m/o"
)

func main() {
	fmt.Println(o.Report(&o.Plan{Name: "basic", Requests: 1}) == n.Report(&n.Plan{Name: "basic", Requests: 1}))
}
"""


def test_pointee_copies_of_nested_tables_keep_their_own(tmp_path, toolchain):
    """Two tables' copies of *p, proposed apart and applied together: the inner block's copy must not shadow the
    outer table's for its calls there (each copy is named after its table). The naive name, the type's (`plan`
    twice), passes the upgraded plan to `admitted` inside the block."""
    module(tmp_path / "found", {"nt/nt.go": NESTED_TABLES})
    fixes = [f for f in proposals(tmp_path / "found", RULE)["example.com/m/nt"] if isinstance(f, Fix)]
    assert len(fixes) == 2, fixes
    both = edited(NESTED_TABLES, Fix(RULE.name, tuple(e for f in fixes for e in f.edits), (), ""))
    naive = both.replace("admittedRecv", "plan").replace("nowRecv", "plan")
    for rewritten, same in ((both, "true"), (naive, "false")):
        files = {"o/nt.go": NESTED_TABLES, "n/nt.go": rewritten, "main.go": NESTED_PROBE}
        root = module(tmp_path / same, {p: t.replace("package nt", f"package {p[0]}") for p, t in files.items()})
        ran = toolchain.run(["run", "."], str(root))
        assert ran.stdout.decode().split() == [same], (ran.stderr.decode(), rewritten)
