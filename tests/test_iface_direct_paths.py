"""iface-direct on places reached in several steps (paths.py): `call.Args[0]` of `call := Call{Args: [2]Expr{lhs,
rhs}}`, `ctx.Vars["user"]` of `ctx := Context{Vars: map[string]any{"user": &u}}`, `p.Items[1].Cmd` of a slice of
struct literals held in a field, `def.Stage.Step` of a struct literal's field holding a struct literal. When every use
of the local reads a path its literal stores — by a type assertion, a method call through it, or a plain read of a
field the group may read as its stored value — each is rewritten and the literal goes. Any other use declines: an
inner slice or map handed out (`items := p.Items`, `rewire(ctx)`) may be written through the alias, a write on the way
(`call.Args[1] = &c`, `p.Items[0].Label = …` through the slice) changes what is stored, a key not known here
(`ctx.Vars[k]`) may be another entry, a constant key of an interface-keyed map names its entry only under its own
type, and a literal holding a call cannot go. A type switch on a path becomes the block of the case it takes. Each
decline's naive rewrite computes otherwise; each fix allocates less under both releases."""

from __future__ import annotations

import pytest
from conftest import case_suite, edited, only_fix
from test_iface_direct import RULE

HEAD = """package {name}

import "fmt"

type Expr interface{{ Eval() int }}

type Named interface{{ Name() string }}

type num struct{{ v int }}

func (n *num) Eval() int    {{ return n.v }}
func (n *num) Name() string {{ return "num" }}

type neg struct{{ v int }}

func (n *neg) Eval() int    {{ return -n.v }}
func (n *neg) Name() string {{ return "neg" }}

type Call struct {{
	Fn   string
	Args [2]Expr
}}

type Context struct {{
	ID   string
	Vars map[string]any
}}

type Item struct {{
	Label string
	Cmd   any
}}

type Palette struct {{
	Filter string
	Items  []Item
}}

type Stage struct {{
	Step     any
	Attempts int
}}

type Definition struct {{
	ID    string
	Stage Stage
}}

type Keyed struct {{
	Vars map[any]any
}}

var _ = fmt.Sprint
"""


def package(name: str, body: str) -> str:
    return HEAD.format(name=name) + "\n" + body


FIXES = {
    # an array literal held in a field: both elements asserted, the literal goes
    "array_in_field": (
        package(
            "array_in_field",
            """// Describe names a call's two arguments.
func Describe(a, b int) string {
	lhs := num{v: a}
	rhs := neg{v: b}
	call := Call{Fn: "add", Args: [2]Expr{&lhs, &rhs}}
	return call.Args[0].(Named).Name() + "+" + call.Args[1].(Named).Name()
}
""",
        ),
        '\treturn Named(&lhs).Name() + "+" + Named(&rhs).Name()\n',
        "{pkg}.Describe(1, 2)",
    ),
    # a map literal in a field read by its constant keys, one to the value's own type
    "map_in_field": (
        package(
            "map_in_field",
            """// User reads a run's user and attempt back out of its variables.
func User(a int, attempt int) string {
	u := num{v: a}
	ctx := Context{ID: "r1", Vars: map[string]any{"user": &u, "attempt": attempt}}
	return ctx.Vars["user"].(Named).Name() + fmt.Sprint(ctx.Vars["attempt"].(int))
}
""",
        ),
        "\treturn Named(&u).Name() + fmt.Sprint(attempt)\n",
        "{pkg}.User(1, 2)",
    ),
    # a slice of elided struct literals in a field: the second element's field
    "slice_of_structs": (
        package(
            "slice_of_structs",
            """// Second evaluates a palette's second command.
func Second(a, b int) int {
	x := num{v: a}
	y := neg{v: b}
	p := Palette{Items: []Item{{Label: "x", Cmd: &x}, {Label: "y", Cmd: &y}}}
	return p.Items[1].Cmd.(Expr).Eval()
}
""",
        ),
        "\treturn Expr(&y).Eval()\n",
        "{pkg}.Second(1, 2)",
    ),
    # a struct literal's field holding a struct literal, beside a plain read of a string field
    "struct_in_struct": (
        package(
            "struct_in_struct",
            """// Title names a definition's step.
func Title(a int) string {
	x := num{v: a}
	def := Definition{ID: "ingest", Stage: Stage{Step: &x, Attempts: 3}}
	if n, ok := def.Stage.Step.(Named); ok {
		return def.ID + "/" + n.Name()
	}
	return def.ID
}
""",
        ),
        '\t\tn := Named(&x)\n\t\treturn "ingest" + "/" + n.Name()\n',
        "{pkg}.Title(1)",
    ),
    # method calls through the path: Go calls *num's and *neg's methods, as the direct calls do
    "calls_through_path": (
        package(
            "calls_through_path",
            """// Eval evaluates a call's two arguments in order.
func Eval(a, b int) int {
	lhs := num{v: a}
	rhs := neg{v: b}
	call := Call{Fn: "sub", Args: [2]Expr{&lhs, &rhs}}
	return call.Args[0].Eval() + call.Args[1].Eval()
}
""",
        ),
        "\treturn (&lhs).Eval() + (&rhs).Eval()\n",
        "{pkg}.Eval(1, 2)",
    ),
    # a type switch on a path: the block of the case the stored value's type takes, and the literal goes
    "switch_on_path": (
        package(
            "switch_on_path",
            """// Kind names the kind of a call's first argument.
func Kind(a, b int) string {
	lhs := num{v: a}
	rhs := neg{v: b}
	call := Call{Fn: "add", Args: [2]Expr{&lhs, &rhs}}
	switch e := call.Args[0].(type) {
	case *neg:
		return "neg " + fmt.Sprint(+e.v)
	case Named:
		return "named " + e.Name()
	default:
		return "other"
	}
}
""",
        ),
        '\t{\n\t\te := Named(&lhs)\n\t\treturn "named " + e.Name()\n\t}\n}\n',
        "{pkg}.Kind(1, 2)",
    ),
}

DECLINES = {
    # a write on the way: the assertion reads &c where strict
    "written_on_the_way": (
        package(
            "written_on_the_way",
            """// Second names a call's second argument, replaced when strict.
func Second(a, b int, strict bool) string {
	lhs := num{v: a}
	rhs := neg{v: b}
	c := num{v: 0}
	call := Call{Args: [2]Expr{&lhs, &rhs}}
	if strict {
		call.Args[1] = &c
	}
	return call.Args[1].(Named).Name()
}
""",
        ),
        "call is assigned after its declaration",
    ),
    # the inner slice handed to another local: a write through it changes the element the assertion reads
    "aliased_slice": (
        package(
            "aliased_slice",
            """// Run evaluates the first command after a reorder through the slice.
func Run(a, b int) int {
	x := num{v: a}
	y := neg{v: b}
	p := Palette{Items: []Item{{Label: "x", Cmd: &x}}}
	items := p.Items
	items[0].Cmd = &y
	return p.Items[0].Cmd.(Expr).Eval()
}
""",
        ),
        "p is used other than to read a place its literal stores",
    ),
    # the struct passed by value still shares its map: rewire's write is what the assertion reads
    "aliased_map": (
        package(
            "aliased_map",
            """var other = neg{v: 7}

func rewire(ctx Context) { ctx.Vars["user"] = &other }

// User names the run's user after rewire.
func User(a int) string {
	u := num{v: a}
	ctx := Context{Vars: map[string]any{"user": &u}}
	rewire(ctx)
	return ctx.Vars["user"].(Named).Name()
}
""",
        ),
        "ctx is used other than to read a place its literal stores",
    ),
    # a key not known here may be another entry
    "unknown_key": (
        package(
            "unknown_key",
            """// Pick names the entry the caller asks for.
func Pick(k string, a, b int) string {
	u := num{v: a}
	v := neg{v: b}
	ctx := Context{Vars: map[string]any{"user": &u, "peer": &v}}
	if n, ok := ctx.Vars[k].(Named); ok {
		return n.Name()
	}
	return "none"
}
""",
        ),
        "ctx is used other than to read a place its literal stores",
    ),
    # under an interface key type, int64(1) is another key than the untyped 1 the literal stored
    "interface_key": (
        package(
            "interface_key",
            """// First names the entry stored under 1, read as int64(1).
func First(a int) string {
	u := num{v: a}
	k := Keyed{Vars: map[any]any{1: &u}}
	if n, ok := k.Vars[int64(1)].(Named); ok {
		return n.Name()
	}
	return "none"
}
""",
        ),
        "names its entry only under a constant key type",
    ),
    # a write through an element of the inner slice: read as the stored name, it would write name instead
    "written_through_element": (
        package(
            "written_through_element",
            """// Rename relabels the only entry, then shows its label, its command and the old name.
func Rename(a int, name string) string {
	y := num{v: a}
	p := Palette{Items: []Item{{Label: name, Cmd: &y}}}
	p.Items[0].Label = "renamed"
	return p.Items[0].Label + "/" + p.Items[0].Cmd.(Named).Name() + "/" + name
}
""",
        ),
        "p is written through p.Items[0].Label",
    ),
    # a select case receiving into the path writes the slice's element (adv-reach50e): read as the stored title, the
    # receive would write title instead
    "received_on_the_way": (
        package(
            "received_on_the_way",
            """// Retitle receives the entry's label, then shows it, its command and the old title.
func Retitle(a int, title string, ch chan string) string {
	y := num{v: a}
	q := Palette{Items: []Item{{Label: title, Cmd: &y}}}
	select {
	case q.Items[0].Label = <-ch:
	}
	return q.Items[0].Label + "/" + q.Items[0].Cmd.(Named).Name() + "/" + title
}
""",
        ),
        "q is written through q.Items[0].Label",
    ),
    # a pointer method of a concrete type called through the path takes the element's address (adv-reach50e): called
    # on the stored variable, it would set that variable instead
    "pointer_method_on_path": (
        package(
            "pointer_method_on_path",
            """type Label string

func (l *Label) Set(s string) { *l = Label(s) }

type Tagged struct {
	Tag Label
	Cmd any
}

type Tags struct{ Items []Tagged }

// Retag sets the entry's tag by its method, then shows it, its command and the old tag.
func Retag(a int, tag Label) string {
	y := num{v: a}
	p := Tags{Items: []Tagged{{Tag: tag, Cmd: &y}}}
	p.Items[0].Tag.Set("set")
	return string(p.Items[0].Tag) + "/" + p.Items[0].Cmd.(Named).Name() + "/" + string(tag)
}
""",
        ),
        "p is read through p.Items[0].Tag.Set",
    ),
    # past the place read, a pointer method of a field of the struct value stored there (adv-reach50e): read as the
    # stored w, the call would increment w itself
    "addressed_past_the_place": (
        package(
            "addressed_past_the_place",
            """type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

type Window struct {
	Hits  Counter
	Slots [2]int
}

type Pane struct {
	W   Window
	Cmd any
}

type Panes struct{ Items []Pane }

// Hit counts a hit on the pane's window, then shows the count, its command and the caller's window's count.
func Hit(a int, w Window) string {
	y := num{v: a}
	p := Panes{Items: []Pane{{W: w, Cmd: &y}}}
	p.Items[0].W.Hits.Inc()
	return fmt.Sprint(+p.Items[0].W.Hits.n, "/", p.Items[0].Cmd.(Named).Name(), "/", w.Hits.n)
}
""",
        ),
        "p is read through p.Items[0].W.Hits.Inc",
    ),
    # an array of the struct value stored there sliced (adv-reach50e): read as the stored w, the slice would share w's
    "sliced_past_the_place": (
        package(
            "sliced_past_the_place",
            """type Window struct{ Slots [2]int }

type Pane struct {
	W   Window
	Cmd any
}

type Panes struct{ Items []Pane }

// Fill fills the pane's first slot through a slice of it, then shows it, its command and the caller's slot.
func Fill(a int, w Window) string {
	y := num{v: a}
	p := Panes{Items: []Pane{{W: w, Cmd: &y}}}
	s := p.Items[0].W.Slots[:]
	s[0] = 9
	return fmt.Sprint(p.Items[0].W.Slots[0], "/", p.Items[0].Cmd.(Named).Name(), "/", w.Slots[0])
}
""",
        ),
        "p is read through p.Items[0].W.Slots[:]",
    ),
    # a call in the outer literal, beside the nested one holding the value: removing the declaration would skip it
    "effect_in_the_outer_literal": (
        package(
            "effect_in_the_outer_literal",
            """var made int

func filter() string { made++; return "all" }

// Eval evaluates the only command, counting filters made.
func Eval(a int) string {
	x := num{v: a}
	p := Palette{Filter: filter(), Items: []Item{{Label: "x", Cmd: &x}}}
	return fmt.Sprint(made, p.Items[0].Cmd.(Expr).Eval())
}
""",
        ),
        "removing it would skip filter()",
    ),
    # an interface-keyed map elided in a slice: no key type to ask, and int64(1) is another key than the stored 1
    "elided_interface_keyed_map": (
        package(
            "elided_interface_keyed_map",
            """type Scopes struct{ Vars []map[any]any }

// First names the entry of the first scope stored under 1, read as int64(1).
func First(a int) string {
	u := num{v: a}
	s := Scopes{Vars: []map[any]any{{1: &u}}}
	if n, ok := s.Vars[0][int64(1)].(Named); ok {
		return n.Name()
	}
	return "none"
}
""",
        ),
        "go/types does not say what a literal on the way builds",
    ),
    # a constant key beside a variable one that may equal it: then the later entry holds its value
    "variable_key_on_the_way": (
        package(
            "variable_key_on_the_way",
            """// User names the user stored beside the caller's key, which may be "user" too.
func User(a int, k string) string {
	u := num{v: a}
	ctx := Context{Vars: map[string]any{"user": &u, k: "peer"}}
	if n, ok := ctx.Vars["user"].(Named); ok {
		return n.Name()
	}
	return "none"
}
""",
        ),
        "names its entry only under a constant key type",
    ),
    # the address of an element's field through the path: read as the stored name, the callee would write name
    "address_on_the_way": (
        package(
            "address_on_the_way",
            """func relabel(s *string) { *s = "relabelled" }

// Relabel relabels the only entry through a pointer, then shows its label, its command and the old name.
func Relabel(a int, name string) string {
	y := num{v: a}
	p := Palette{Items: []Item{{Label: name, Cmd: &y}}}
	relabel(&p.Items[0].Label)
	return p.Items[0].Label + "/" + p.Items[0].Cmd.(Named).Name() + "/" + name
}
""",
        ),
        "p is written through p.Items[0].Label",
    ),
    # an element's field incremented through the path: read as the stored n, the increment would change n
    "incremented_on_the_way": (
        package(
            "incremented_on_the_way",
            """type Retry struct {
	N    int
	Step any
}

type Plan struct{ Items []Retry }

// Again counts one more attempt, then shows the count, the step and the caller's count.
func Again(a, n int) string {
	x := num{v: a}
	p := Plan{Items: []Retry{{N: n, Step: &x}}}
	p.Items[0].N++
	return fmt.Sprint(p.Items[0].N, "/", p.Items[0].Step.(Named).Name(), "/", n)
}
""",
        ),
        "p is written through p.Items[0].N",
    ),
    # a range assigning an element's field through the path: read as the stored name, the range would assign name
    "ranged_into_the_path": (
        package(
            "ranged_into_the_path",
            """// Last labels the entry with each name in turn, then shows its label, its command and the first name.
func Last(a int, name string, names []string) string {
	y := num{v: a}
	p := Palette{Items: []Item{{Label: name, Cmd: &y}}}
	for _, p.Items[0].Label = range names {
	}
	return p.Items[0].Label + "/" + p.Items[0].Cmd.(Named).Name() + "/" + name
}
""",
        ),
        "p is written through p.Items[0].Label",
    ),
    # a type switch on a value stored before it changed: the box holds the old value, v the new one
    "switched_after_a_write": (
        package(
            "switched_after_a_write",
            """// Kind switches on a value stored before it changed, and names the other command.
func Kind(a, b int) string {
	v := num{v: a}
	y := neg{v: b}
	p := Palette{Items: []Item{{Label: "v", Cmd: v}, {Label: "y", Cmd: &y}}}
	v.v = 9
	other := p.Items[1].Cmd.(Named).Name()
	switch c := p.Items[0].Cmd.(type) {
	case num:
		return fmt.Sprint(+c.v, other)
	}
	return "none"
}
""",
        ),
        "v may change",
    ),
    # the literal holds a call: removing it would skip the call's effect
    "effect_on_the_way": (
        package(
            "effect_on_the_way",
            """var calls int

func label() string { calls++; return "x" }

// Eval evaluates the only command, counting labels made.
func Eval(a int) string {
	x := num{v: a}
	p := Palette{Items: []Item{{Label: label(), Cmd: &x}}}
	return fmt.Sprint(calls, p.Items[0].Cmd.(Expr).Eval())
}
""",
        ),
        "removing it would skip",
    ),
}


def _replace(old: str, new: str):
    def rewrite(source: str) -> str:
        assert old in source, old
        return source.replace(old, new)

    return rewrite


NAIVE = {
    "written_on_the_way": (
        _replace(
            "\tcall := Call{Args: [2]Expr{&lhs, &rhs}}\n\tif strict {\n\t\tcall.Args[1] = &c\n\t}\n"
            "\treturn call.Args[1].(Named).Name()\n",
            "\t_, _ = lhs, c\n\t_ = strict\n\treturn Named(&rhs).Name()\n",
        ),
        "{pkg}.Second(1, 2, true)",
    ),
    "aliased_slice": (
        _replace(
            '\tp := Palette{Items: []Item{{Label: "x", Cmd: &x}}}\n\titems := p.Items\n\titems[0].Cmd = &y\n'
            "\treturn p.Items[0].Cmd.(Expr).Eval()\n",
            "\t_ = y\n\treturn Expr(&x).Eval()\n",
        ),
        "{pkg}.Run(1, 2)",
    ),
    "aliased_map": (
        _replace(
            '\tctx := Context{Vars: map[string]any{"user": &u}}\n\trewire(ctx)\n'
            '\treturn ctx.Vars["user"].(Named).Name()\n',
            "\treturn Named(&u).Name()\n",
        ),
        "{pkg}.User(1)",
    ),
    "unknown_key": (
        _replace(
            '\tctx := Context{Vars: map[string]any{"user": &u, "peer": &v}}\n'
            '\tif n, ok := ctx.Vars[k].(Named); ok {\n\t\treturn n.Name()\n\t}\n\treturn "none"\n',
            "\t_, _ = k, v\n\t{\n\t\tn := Named(&u)\n\t\treturn n.Name()\n\t}\n",
        ),
        '{pkg}.Pick("peer", 1, 2)',
    ),
    "interface_key": (
        _replace(
            "\tk := Keyed{Vars: map[any]any{1: &u}}\n\tif n, ok := k.Vars[int64(1)].(Named); ok {\n"
            '\t\treturn n.Name()\n\t}\n\treturn "none"\n',
            "\t{\n\t\tn := Named(&u)\n\t\treturn n.Name()\n\t}\n",
        ),
        "{pkg}.First(1)",
    ),
    "written_through_element": (
        _replace(
            '\tp := Palette{Items: []Item{{Label: name, Cmd: &y}}}\n\tp.Items[0].Label = "renamed"\n'
            '\treturn p.Items[0].Label + "/" + p.Items[0].Cmd.(Named).Name() + "/" + name\n',
            '\tname = "renamed"\n\treturn name + "/" + Named(&y).Name() + "/" + name\n',
        ),
        '{pkg}.Rename(1, "old")',
    ),
    "received_on_the_way": (
        _replace(
            "\tq := Palette{Items: []Item{{Label: title, Cmd: &y}}}\n\tselect {\n\tcase q.Items[0].Label = <-ch:\n"
            '\t}\n\treturn q.Items[0].Label + "/" + q.Items[0].Cmd.(Named).Name() + "/" + title\n',
            '\tselect {\n\tcase title = <-ch:\n\t}\n\treturn title + "/" + Named(&y).Name() + "/" + title\n',
        ),
        '{pkg}.Retitle(1, "old", func() chan string { c := make(chan string, 1); c <- "new"; return c }())',
    ),
    "pointer_method_on_path": (
        _replace(
            '\tp := Tags{Items: []Tagged{{Tag: tag, Cmd: &y}}}\n\tp.Items[0].Tag.Set("set")\n'
            '\treturn string(p.Items[0].Tag) + "/" + p.Items[0].Cmd.(Named).Name() + "/" + string(tag)\n',
            '\ttag.Set("set")\n\treturn string(tag) + "/" + Named(&y).Name() + "/" + string(tag)\n',
        ),
        '{pkg}.Retag(1, "old")',
    ),
    "addressed_past_the_place": (
        _replace(
            "\tp := Panes{Items: []Pane{{W: w, Cmd: &y}}}\n\tp.Items[0].W.Hits.Inc()\n"
            '\treturn fmt.Sprint(+p.Items[0].W.Hits.n, "/", p.Items[0].Cmd.(Named).Name(), "/", w.Hits.n)\n',
            '\tw.Hits.Inc()\n\treturn fmt.Sprint(+w.Hits.n, "/", Named(&y).Name(), "/", w.Hits.n)\n',
        ),
        "{pkg}.Hit(1, {pkg}.Window{})",
    ),
    "sliced_past_the_place": (
        _replace(
            "\tp := Panes{Items: []Pane{{W: w, Cmd: &y}}}\n\ts := p.Items[0].W.Slots[:]\n"
            '\ts[0] = 9\n\treturn fmt.Sprint(p.Items[0].W.Slots[0], "/", p.Items[0].Cmd.(Named).Name(), "/", '
            "w.Slots[0])\n",
            '\ts := w.Slots[:]\n\ts[0] = 9\n\treturn fmt.Sprint(w.Slots[0], "/", Named(&y).Name(), "/", w.Slots[0])\n',
        ),
        "{pkg}.Fill(1, {pkg}.Window{})",
    ),
    "effect_in_the_outer_literal": (
        _replace(
            '\tp := Palette{Filter: filter(), Items: []Item{{Label: "x", Cmd: &x}}}\n'
            "\treturn fmt.Sprint(made, p.Items[0].Cmd.(Expr).Eval())\n",
            "\treturn fmt.Sprint(made, Expr(&x).Eval())\n",
        ),
        "{pkg}.Eval(1)",
    ),
    "elided_interface_keyed_map": (
        _replace(
            "\ts := Scopes{Vars: []map[any]any{{1: &u}}}\n\tif n, ok := s.Vars[0][int64(1)].(Named); ok {\n"
            '\t\treturn n.Name()\n\t}\n\treturn "none"\n',
            "\t{\n\t\tn := Named(&u)\n\t\treturn n.Name()\n\t}\n",
        ),
        "{pkg}.First(1)",
    ),
    "variable_key_on_the_way": (
        _replace(
            '\tctx := Context{Vars: map[string]any{"user": &u, k: "peer"}}\n'
            '\tif n, ok := ctx.Vars["user"].(Named); ok {\n\t\treturn n.Name()\n\t}\n\treturn "none"\n',
            "\t_ = k\n\t{\n\t\tn := Named(&u)\n\t\treturn n.Name()\n\t}\n",
        ),
        '{pkg}.User(1, "user")',
    ),
    "address_on_the_way": (
        _replace(
            "\tp := Palette{Items: []Item{{Label: name, Cmd: &y}}}\n\trelabel(&p.Items[0].Label)\n"
            '\treturn p.Items[0].Label + "/" + p.Items[0].Cmd.(Named).Name() + "/" + name\n',
            '\trelabel(&name)\n\treturn name + "/" + Named(&y).Name() + "/" + name\n',
        ),
        '{pkg}.Relabel(1, "old")',
    ),
    "incremented_on_the_way": (
        _replace(
            "\tp := Plan{Items: []Retry{{N: n, Step: &x}}}\n\tp.Items[0].N++\n"
            '\treturn fmt.Sprint(p.Items[0].N, "/", p.Items[0].Step.(Named).Name(), "/", n)\n',
            '\tn++\n\treturn fmt.Sprint(+n, "/", Named(&x).Name(), "/", n)\n',
        ),
        "{pkg}.Again(1, 3)",
    ),
    "ranged_into_the_path": (
        _replace(
            "\tp := Palette{Items: []Item{{Label: name, Cmd: &y}}}\n\tfor _, p.Items[0].Label = range names {\n"
            '\t}\n\treturn p.Items[0].Label + "/" + p.Items[0].Cmd.(Named).Name() + "/" + name\n',
            '\tfor _, name = range names {\n\t}\n\treturn name + "/" + Named(&y).Name() + "/" + name\n',
        ),
        '{pkg}.Last(1, "first", []string{"second"})',
    ),
    "switched_after_a_write": (
        _replace(
            '\tp := Palette{Items: []Item{{Label: "v", Cmd: v}, {Label: "y", Cmd: &y}}}\n\tv.v = 9\n'
            "\tother := p.Items[1].Cmd.(Named).Name()\n\tswitch c := p.Items[0].Cmd.(type) {\n\tcase num:\n"
            '\t\treturn fmt.Sprint(+c.v, other)\n\t}\n\treturn "none"\n',
            "\tv.v = 9\n\tother := Named(&y).Name()\n\t{\n\t\tc := v\n\t\treturn fmt.Sprint(+c.v, other)\n\t}\n",
        ),
        "{pkg}.Kind(1, 2)",
    ),
    "effect_on_the_way": (
        _replace(
            "\tp := Palette{Items: []Item{{Label: label(), Cmd: &x}}}\n"
            "\treturn fmt.Sprint(calls, p.Items[0].Cmd.(Expr).Eval())\n",
            "\treturn fmt.Sprint(calls, Expr(&x).Eval())\n",
        ),
        "{pkg}.Eval(1)",
    ),
}

globals().update(case_suite("iface-paths", RULE, FIXES, DECLINES, NAIVE))


@pytest.mark.parametrize("name", list(FIXES))
def test_the_path_reads_become_the_stored_values(proposed, name):
    source, expected, _ = FIXES[name]
    fix = only_fix(proposed[name])
    rewritten = edited(source, fix)
    assert expected in rewritten and " := Call{" not in rewritten and "Vars: map" not in rewritten, rewritten
    assert "call.Args" not in rewritten and "ctx.Vars" not in rewritten and "def.Stage" not in rewritten, rewritten
