"""iface-direct on what go/types decides: which case a type switch takes, a concrete assertion, a key
or index given by a constant, and the field a positional struct element sets (matches.py, boxes.go).

Each proposal here is measured: testing.AllocsPerRun of the original and of the rewrite, under the
pinned release and go1.24.11. Each decline keeps the rewrite a rule going by the spelling would make
(NAIVE), and a test shows it changes what the code does or does not compile.
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
    releases,
)
from test_iface_direct import RULE, case, replace, replace_all

from gorewrite.proposals import Fix

# case -> (Go source of package <case>, what the rewritten file must contain, a call AllocsPerRun measures)
FIXES = {
    # the first case names an interface *celsius does not implement (go/types): the switch takes the next
    "switch_skips_interface": (
        case(
            "switch_skips_interface",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type celsius struct{ deg int }

func (c *celsius) String() string { return strconv.Itoa(c.deg) + "C" }

// Render formats a reading: a failure first, then anything printable.
func Render(deg int) string {
	t := celsius{deg}
	r := sample{name: "temp", sink: &t}
	switch v := r.sink.(type) {
	case error:
		return "failed: " + v.Error()
	case fmt.Stringer:
		return r.name + " " + v.String()
	}
	return r.name
}
""",
        ),
        '\t{\n\t\tv := fmt.Stringer(&t)\n\t\treturn r.name + " " + v.String()\n\t}\n}\n',
        "{pkg}.Render(21)",
    ),
    # the first case spells the stored value's type through an alias: identical types, that case runs
    "switch_alias_case": (
        case(
            "switch_alias_case",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type celsius struct{ deg int }

func (c *celsius) String() string { return strconv.Itoa(c.deg) + "C" }

// reading is how the sensor package spells a temperature.
type reading = celsius

var _ fmt.Stringer = (*reading)(nil)

// Label names a reading by its own type first, anything printable next.
func Label(deg int) string {
	t := celsius{deg}
	r := sample{name: "probe", sink: &t}
	switch v := r.sink.(type) {
	case *reading:
		return r.name + " at " + strconv.Itoa(v.deg)
	case fmt.Stringer:
		return v.String()
	}
	return r.name
}
""",
        ),
        '\t{\n\t\tv := &t\n\t\treturn r.name + " at " + strconv.Itoa(v.deg)\n\t}\n',
        "{pkg}.Label(7)",
    ),
    # no case matches a *gauge: the default runs
    "switch_default_taken": (
        case(
            "switch_default_taken",
            'import "fmt"',
            """type gauge struct{ v int }

// Kind describes the gauge through the sample, bumping it when nothing else applies.
func Kind(n int) string {
	g := gauge{n}
	r := sample{name: "gauge", sink: &g}
	switch v := r.sink.(type) {
	case fmt.Stringer:
		return v.String()
	case error:
		return v.Error()
	default:
		g.v++
	}
	return r.name + fmt.Sprint(+g.v)
}
""",
        ),
        "\t{\n\t\t_ = &g\n\t\tg.v++\n\t}\n",
        "{pkg}.Kind(4)",
    ),
    # a map entry asserted to the stored value's own type: the value itself
    "concrete_map_entry": (
        case(
            "concrete_map_entry",
            "",
            """type vec struct{ x, y int }

// Shift moves the origin kept in a table of named points.
func Shift(dx int) int {
	o := vec{1, 2}
	coords := map[string]any{"origin": &o}
	p := coords["origin"].(*vec)
	p.x += dx
	return o.x*10 + p.y
}
""",
        ),
        "\tp := &o\n\tp.x += dx\n",
        "{pkg}.Shift(3)",
    ),
    # a map literal read back under two constant keys, each once (probe35b): each read becomes the stored
    # value and the map goes (a map keeps its values on the heap while anything reads it)
    "map_group_two_keys": (
        case(
            "map_group_two_keys",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type stats struct{ in int }

func (s *stats) String() string { return "in=" + strconv.Itoa(s.in) }

// Fields formats a user and their stats, passed through a table of named fields.
func Fields(user string, n int) string {
	st := stats{in: n}
	kv := map[string]any{"user": user, "stats": &st}
	name := kv["user"].(string)
	return name + " " + kv["stats"].(fmt.Stringer).String()
}
""",
        ),
        '\tst := stats{in: n}\n\tname := user\n\treturn name + " " + fmt.Stringer(&st).String()\n',
        '{pkg}.Fields("ann", 2)',
    ),
    # the keys spelled by named constants, in the literal or at the read: go/types gives their values
    "map_group_named_keys": (
        case(
            "map_group_named_keys",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type stats struct{ in int }

func (s *stats) String() string { return "in=" + strconv.Itoa(s.in) }

const (
	fieldUser  = "user"
	fieldStats = "stats"
)

// Line formats a user and their stats, the table's keys named once.
func Line(user string, n int) string {
	st := stats{in: n}
	kv := map[string]any{fieldUser: user, "stats": &st}
	if s, ok := kv[fieldStats].(fmt.Stringer); ok {
		return kv["user"].(string) + ": " + s.String()
	}
	return ""
}
""",
        ),
        '\t{\n\t\ts := fmt.Stringer(&st)\n\t\treturn user + ": " + s.String()\n\t}\n',
        '{pkg}.Line("bo", 7)',
    ),
    # `&p` as the operand of a selector: parenthesised
    "concrete_selector": (
        case(
            "concrete_selector",
            "",
            """type peer struct {
	addr   string
	weight int
}

// Dial picks the peer's address out of a config table.
func Dial(addr string) string {
	p := peer{addr: addr, weight: 1}
	cfg := map[string]any{"peer": &p}
	return cfg["peer"].(*peer).addr + ":" + string(rune('0'+p.weight))
}
""",
        ),
        "\treturn (&p).addr + ",
        '{pkg}.Dial("db")',
    ),
    # values (not addresses) asserted back to their own types, comma-ok: ok is true, its `if !ok` goes
    "concrete_values_comma_ok": (
        case(
            "concrete_values_comma_ok",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """// Endpoint formats host and port kept in a two-column row, the second printable.
func Endpoint(host string, port int, tag fmt.Stringer) string {
	var c Counter
	fields := [3]any{host, port, &c}
	h, ok := fields[0].(string)
	if !ok {
		return ""
	}
	fields[2].(interface{ Write([]byte) (int, error) }).Write([]byte(h))
	return h + ":" + strconv.Itoa(fields[1].(int)) + "/" + strconv.Itoa(c.n)
}
""",
        ),
        '\th := host\n\tinterface{ Write([]byte) (int, error) }(&c).Write([]byte(h))\n\treturn h + ":" + '
        'strconv.Itoa(port) + "/"',
        '{pkg}.Endpoint("db", 5432, nil)',
    ),
    # the literal's key is a constant, the index a literal of the same value
    "const_key_entry": (
        case(
            "const_key_entry",
            'import "io"',
            """const keyOut = "out"

// Emit writes the line to the sink filed under keyOut.
func Emit(line []byte) int {
	var c Counter
	sinks := map[string]any{keyOut: &c}
	n, _ := sinks["out"].(io.Writer).Write(line)
	return n + c.n
}
""",
        ),
        "\tn, _ := io.Writer(&c).Write(line)\n",
        '{pkg}.Emit([]byte("abc"))',
    ),
    # an array keyed and indexed by another package's constants
    "const_index_other_package": (
        case(
            "const_index_other_package",
            'import "io"',
            """// Seek records the line against the current position, the start kept aside.
func Seek(line []byte) int {
	var start, cur Counter
	whence := [...]any{io.SeekStart: &start, io.SeekCurrent: &cur}
	whence[io.SeekCurrent].(io.Writer).Write(line)
	return cur.n*10 + start.n
}
""",
        ),
        "\tio.Writer(&cur).Write(line)\n",
        '{pkg}.Seek([]byte("ab"))',
    ),
    # a slice indexed by the function's own constants: both elements converted, the slice goes
    "const_index_group": (
        case(
            "const_index_group",
            'import "io"',
            """// Route copies the line to the primary sink and its tail to the backup.
func Route(line []byte) int {
	const primary, backup = 0, 1
	var main, spare Counter
	outs := []any{&main, &spare}
	outs[primary].(io.Writer).Write(line)
	outs[backup].(io.Writer).Write(line[1:])
	return main.n*10 + spare.n
}
""",
        ),
        "\tio.Writer(&main).Write(line)\n\tio.Writer(&spare).Write(line[1:])\n",
        '{pkg}.Route([]byte("abc"))',
    ),
    # a struct literal without field names: go/types' field order says which field holds which value
    "positional_route": (
        case(
            "positional_route",
            'import "io"',
            """// route connects a source to a destination.
type route struct{ in, out any }

// Pipe writes the line in, and its head out.
func Pipe(line []byte) int {
	var src, dst Counter
	r := route{&src, &dst}
	r.in.(io.Writer).Write(line)
	r.out.(io.Writer).Write(line[:1])
	return src.n*10 + dst.n
}
""",
        ),
        "\tio.Writer(&src).Write(line)\n\tio.Writer(&dst).Write(line[:1])\n",
        '{pkg}.Pipe([]byte("abc"))',
    ),
    # another field read plainly besides the assertions: it is the parameter stored there, so it reads
    # as that, and the literal goes with both values (escape analysis is field-insensitive)
    "other_field_read": (
        case(
            "other_field_read",
            'import (\n\t"fmt"\n\t"io"\n)',
            """type step struct{ by int }

func (s step) Next(n int) int { return n + s.by }

type job struct {
	id    string
	out   any
	retry any
}

// Run writes the job's id to its sink and says when it would run again.
func Run(id string, by int) int {
	var c Counter
	st := step{by}
	j := job{id: id, out: &c, retry: st}
	label := j.id
	j.out.(io.Writer).Write([]byte(label))
	return j.retry.(interface{ Next(int) int }).Next(c.n)
}

var _ = fmt.Sprint
""",
        ),
        "\tlabel := id\n\tio.Writer(&c).Write([]byte(label))\n\treturn interface{ Next(int) int }(st).Next(c.n)\n",
        '{pkg}.Run("job-7", 3)',
    ),
}

# The smaller rewrite keeps the literal (`ev.kind` stays); the group reading a `string` field as the string literal
# stored there, so the literal goes, is its `instead`: tried when the compiler rejects it (probe42c's WriteTotals,
# golden group_totals_label). case -> (source, what the fallback's rewrite contains, a call AllocsPerRun measures)
FALLBACKS = {
    # a string literal stored in a `string` field, read plainly: the field holds it at every read (the totals
    # options of probe42c's WriteTotals, rejected before: the single rewrite left the literal holding &tf)
    "constant_field_read": (
        case(
            "constant_field_read",
            'import "io"',
            """type event struct {
	kind    string
	payload any
}

// Emit writes the event's payload and returns its kind.
func Emit(msg []byte) string {
	var c Counter
	ev := event{kind: "login", payload: &c}
	ev.payload.(io.Writer).Write(msg)
	return ev.kind + ":" + string(rune('0'+c.n))
}
""",
        ),
        '\tio.Writer(&c).Write(msg)\n\treturn "login" + ":" + ',
        '{pkg}.Emit([]byte("abc"))',
    ),
}

# case -> (Go source of package <case>, the reason it declines)
DECLINES = {
    # the cases not taken are the only users of fmt: dropping them leaves the import unused
    "switch_drops_import": (
        case(
            "switch_drops_import",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type celsius struct{ deg int }

func (c *celsius) String() string { return strconv.Itoa(c.deg) + "C" }

// Label names a reading by its own type first, anything printable next.
func Label(deg int) string {
	t := celsius{deg}
	r := sample{name: "probe", sink: &t}
	switch v := r.sink.(type) {
	case *celsius:
		return r.name + " at " + strconv.Itoa(v.deg)
	case fmt.Stringer:
		return v.String()
	}
	return r.name
}
""",
        ),
        "the rewrite drops code that never runs, and removing it would leave the import of fmt unused",
    ),
    # no case takes a *stats (a *tally is another type): nothing to keep
    "switch_no_case_taken": (
        case(
            "switch_no_case_taken",
            'import "fmt"',
            """type stats struct{ hits int }

// tally has the same fields as stats, but is another type.
type tally stats

// Hits reports the hits of a tally, or that there is none.
func Hits() string {
	st := stats{hits: 3}
	s := sample{name: "hits", sink: &st}
	switch t := s.sink.(type) {
	case *tally:
		return fmt.Sprint("tally ", +t.hits)
	case fmt.Stringer:
		return t.String()
	}
	return s.name + " none"
}
""",
        ),
        "no case of the type switch at line 27 matches the stored value's type",
    ),
    # the else a comma-ok assertion of &c never runs is the only reader of fallback
    "dropped_else_reads": (
        case(
            "dropped_else_reads",
            'import "io"',
            """// Save writes the line when the sample holds a writer, else reports a fallback size.
func Save(line []byte) int {
	var c Counter
	fallback := len(line) * 2
	s := sample{name: "save", sink: &c}
	if w, ok := s.sink.(io.Writer); ok {
		w.Write(line)
	} else {
		return fallback
	}
	return c.n + len(s.name)
}
""",
        ),
        "removing it would leave fallback declared and not used",
    ),
    # a Counter value does not implement io.Writer (pointer receiver): the assertion fails
    "assertion_fails": (
        case(
            "assertion_fails",
            'import "io"',
            """// Copy writes the line through the sample's sink when it is a writer.
func Copy(line []byte, c Counter) int {
	s := sample{name: "copy", sink: c}
	if w, ok := s.sink.(io.Writer); ok {
		w.Write(line)
	}
	return c.n + len(s.name)
}
""",
        ),
        "the stored value c is not of a type the assertion to io.Writer takes: it fails",
    ),
    # an instantiated generic interface, which the rule does not name as an interface: &b in its place
    # would change the expression's type (kindOf infers another T)
    "generic_interface": (
        case(
            "generic_interface",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type getter[T any] interface{ Get() T }

type box struct{ v int }

func (b *box) Get() int { return b.v }

func kindOf[T any](T) string { return fmt.Sprintf("%T", new(T))[1:] }

// Holder reports what it holds, by the type it reads it back as.
func Holder() string {
	b := box{7}
	s := sample{name: "box", sink: &b}
	g := s.sink.(getter[int])
	return s.name + " " + kindOf(g) + " " + strconv.Itoa(g.Get())
}
""",
        ),
        "the assertion is to getter[int]: go/types does not say it is &b's own type",
    ),
    # a map entry written after the literal: the read gets what was written, not the stored value
    "map_group_entry_written": (
        case(
            "map_group_entry_written",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type stats struct{ in int }

func (s *stats) String() string { return "in=" + strconv.Itoa(s.in) }

// Label formats a user and their stats, the user hidden when anonymous.
func Label(user string, n int, anon bool) string {
	st := stats{in: n}
	kv := map[string]any{"user": user, "stats": &st}
	if anon {
		kv["user"] = "anonymous"
	}
	return kv["user"].(string) + " " + kv["stats"].(fmt.Stringer).String()
}
""",
        ),
        "kv is a map: a map literal keeps its values on the heap whatever reads them, and kv is used elsewhere",
    ),
    # a key the literal did not store: the read finds no entry, its comma-ok assertion fails
    "map_group_missing_key": (
        case(
            "map_group_missing_key",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type stats struct{ in int }

func (s *stats) String() string { return "in=" + strconv.Itoa(s.in) }

// Describe names the user, with the optional "extra" field when the table has one.
func Describe(user string, n int) string {
	st := stats{in: n}
	kv := map[string]any{"user": user, "stats": &st}
	name := kv["user"].(string)
	if s, ok := kv["extra"].(fmt.Stringer); ok {
		return name + " (" + s.String() + ")"
	}
	return name
}
""",
        ),
        "kv is a map: a map literal keeps its values on the heap whatever reads them, and kv is used elsewhere",
    ),
    # a stored value changed between the literal and its read: the map holds the old one
    "map_group_value_changed": (
        case(
            "map_group_value_changed",
            'import (\n\t"fmt"\n\t"strconv"\n)',
            """type stats struct{ in int }

func (s *stats) String() string { return "in=" + strconv.Itoa(s.in) }

// Rename logs the name as given and as normalised, with the user's stats.
func Rename(user string, n int) string {
	st := stats{in: n}
	kv := map[string]any{"user": user, "stats": &st}
	user = "~" + user
	return kv["user"].(string) + "->" + user + " " + kv["stats"].(fmt.Stringer).String()
}
""",
        ),
        "user may change after it is stored (line",
    ),
    # a key that is not a constant may equal the asserted one: that entry then holds its value
    "map_key_collision": (
        case(
            "map_key_collision",
            'import "io"',
            """// Pick writes the line to the "main" sink of a table with one more sink under k.
func Pick(k string, line []byte) int {
	var a, b Counter
	outs := map[string]any{"main": &a, k: &b}
	outs["main"].(io.Writer).Write(line)
	return a.n*10 + b.n
}
""",
        ),
        'the key k of outs (line 21) is not a constant: it may equal "main"',
    ),
    # the package's constant is shadowed by a local variable: another entry
    "const_key_shadowed": (
        case(
            "const_key_shadowed",
            'import "io"',
            """const keyOut = "out"

// Errors writes the line to the sink under the error key, when there is one.
func Errors(line []byte) int {
	var c Counter
	sinks := map[string]any{keyOut: &c}
	keyOut := "err"
	if w, ok := sinks[keyOut].(io.Writer); ok {
		w.Write(line)
	}
	return c.n
}
""",
        ),
        "no type assertion reads sinks[keyOut] back",
    ),
    # the same for an index: the local `first` is not the constant
    "const_index_shadowed": (
        case(
            "const_index_shadowed",
            'import "io"',
            """const first = 0

// Second writes the line to the element the local first names.
func Second(line []byte) int {
	var a, b Counter
	outs := []any{&a, &b}
	first := len(outs) - 1
	outs[first].(io.Writer).Write(line)
	return a.n*10 + b.n
}
""",
        ),
        "the assertion reads outs[first]: which element is not known here",
    ),
    # 1 and int64(1) are two keys of a map[any]any
    "const_key_other_type": (
        case(
            "const_key_other_type",
            'import "io"',
            """// Slot writes the line to the sink filed under int64(1), if any.
func Slot(line []byte) int {
	var a Counter
	slots := map[any]any{1: &a}
	if w, ok := slots[int64(1)].(io.Writer); ok {
		w.Write(line)
	}
	return a.n
}
""",
        ),
        "no type assertion reads slots[1] back",
    ),
    # under an interface key type however written, 'a' (a rune) and 97 (an int) are two keys (adv34d)
    "const_key_paren_any": (
        case(
            "const_key_paren_any",
            'import "io"',
            """// Tally writes the line to the sink filed under the int 97, if any: 'a' is a rune, another key.
func Tally(line []byte) int {
	var a Counter
	slots := map[(any)]any{'a': &a}
	if w, ok := slots[97].(io.Writer); ok {
		w.Write(line)
	}
	return a.n
}
""",
        ),
        "no type assertion reads slots['a'] back",
    ),
    # two string types' "user" under a generic interface key type: two keys (adv34d)
    "const_key_generic_interface": (
        case(
            "const_key_generic_interface",
            'import "io"',
            """// Named is a map key that names itself.
type Named[T any] interface{ Name() T }

type Field string

func (f Field) Name() string { return "field:" + string(f) }

type Header string

func (h Header) Name() string { return "header:" + string(h) }

const (
	userField  Field  = "user"
	userHeader Header = "user"
)

// Route writes the line to the sink filed under the user header, if any.
func Route(line []byte) int {
	var a Counter
	slots := map[Named[string]]any{userField: &a}
	if w, ok := slots[userHeader].(io.Writer); ok {
		w.Write(line)
	}
	return a.n
}
""",
        ),
        "no type assertion reads slots[userField] back",
    ),
    # a positional literal of a struct that embeds a field
    "positional_embedded": (
        case(
            "positional_embedded",
            'import "io"',
            """type label struct{ text string }

// tagged is a labelled pair of sinks.
type tagged struct {
	label
	first, second any
}

// Tag writes the line to the second sink.
func Tag(line []byte) int {
	var a, b Counter
	t := tagged{label{"x"}, &a, &b}
	t.second.(io.Writer).Write(line)
	return a.n*10 + b.n + len(t.text)
}
""",
        ),
        "tagged embeds a field",
    ),
}

# case -> (the rewrite going by the spelling, a probe whose value it changes or what the compiler says)
NAIVE = {
    "switch_drops_import": (
        replace(
            '\tswitch v := r.sink.(type) {\n\tcase *celsius:\n\t\treturn r.name + " at " + strconv.Itoa(v.deg)\n'
            "\tcase fmt.Stringer:\n\t\treturn v.String()\n\t}\n\treturn r.name\n",
            '\t{\n\t\tv := &t\n\t\treturn r.name + " at " + strconv.Itoa(v.deg)\n\t}\n',
        ),
        '"fmt" imported and not used',
    ),
    "switch_no_case_taken": (
        replace(
            '\tswitch t := s.sink.(type) {\n\tcase *tally:\n\t\treturn fmt.Sprint("tally ", +t.hits)\n'
            '\tcase fmt.Stringer:\n\t\treturn t.String()\n\t}\n\treturn s.name + " none"\n',
            '\t_ = s\n\t{\n\t\tt := (*tally)(&st)\n\t\treturn fmt.Sprint("tally ", +t.hits)\n\t}\n',
        ),
        "{pkg}.Hits()",
    ),
    "dropped_else_reads": (
        replace(
            "\tif w, ok := s.sink.(io.Writer); ok {\n\t\tw.Write(line)\n\t} else {\n\t\treturn fallback\n\t}\n",
            "\t{\n\t\tw := io.Writer(&c)\n\t\tw.Write(line)\n\t}\n",
        ),
        "declared and not used: fallback",
    ),
    "assertion_fails": (
        replace("if w, ok := s.sink.(io.Writer); ok {", "if w, ok := io.Writer(c), true; ok {"),
        "does not implement io.Writer",
    ),
    "generic_interface": (replace("g := s.sink.(getter[int])", "g := &b"), "{pkg}.Holder()"),
    "map_group_entry_written": (
        replace_all(
            ('kv["user"].(string)', "user"),
            ('kv["stats"].(fmt.Stringer)', "fmt.Stringer(&st)"),
        ),
        '{pkg}.Label("ann", 2, true)',
    ),
    "map_group_missing_key": (
        replace_all(
            ('\tkv := map[string]any{"user": user, "stats": &st}\n', ""),
            ('kv["user"].(string)', "user"),
            ('kv["extra"].(fmt.Stringer)', "fmt.Stringer(&st), true"),
        ),
        '{pkg}.Describe("ann", 2)',
    ),
    "map_group_value_changed": (
        replace_all(
            ('\tkv := map[string]any{"user": user, "stats": &st}\n', ""),
            ('kv["user"].(string)', "user"),
            ('kv["stats"].(fmt.Stringer)', "fmt.Stringer(&st)"),
        ),
        '{pkg}.Rename("ann", 2)',
    ),
    "map_key_collision": (
        replace('\touts := map[string]any{"main": &a, k: &b}\n\touts["main"].(io.Writer)', "\tio.Writer(&a)"),
        'fmt.Sprint({pkg}.Pick("main", []byte("ab")))',
    ),
    "const_key_shadowed": (
        replace(
            "if w, ok := sinks[keyOut].(io.Writer); ok {",
            "_, _ = sinks, keyOut\n\tif w, ok := io.Writer(&c), true; ok {",
        ),
        'fmt.Sprint({pkg}.Errors([]byte("ab")))',
    ),
    "const_index_shadowed": (
        replace("\touts[first].(io.Writer)", "\t_ = first\n\tio.Writer(&a)"),
        'fmt.Sprint({pkg}.Second([]byte("ab")))',
    ),
    "const_key_other_type": (
        replace("if w, ok := slots[int64(1)].(io.Writer); ok {", "_ = slots\n\tif w, ok := io.Writer(&a), true; ok {"),
        'fmt.Sprint({pkg}.Slot([]byte("ab")))',
    ),
    "const_key_paren_any": (
        replace("if w, ok := slots[97].(io.Writer); ok {", "_ = slots\n\tif w, ok := io.Writer(&a), true; ok {"),
        'fmt.Sprint({pkg}.Tally([]byte("ab")))',
    ),
    "const_key_generic_interface": (
        replace(
            "if w, ok := slots[userHeader].(io.Writer); ok {", "_ = slots\n\tif w, ok := io.Writer(&a), true; ok {"
        ),
        'fmt.Sprint({pkg}.Route([]byte("ab")))',
    ),
    # the field order of the named fields only: second is the second element
    "positional_embedded": (
        replace_all(("\tt.second.(io.Writer)", "\tio.Writer(&a)")),
        'fmt.Sprint({pkg}.Tag([]byte("ab")))',
    ),
}


# Plain reads of another field the group must not rewrite: no fix drops the literal (a single assertion's
# rewrite may still be proposed, and the compiler rejects it). case -> (source, naive group rewrite, probe)
PLAIN_READS = {
    # the parameter stored in id is written after: j.id is the old value
    "plain_read_changed": (
        case(
            "plain_read_changed",
            'import "io"',
            """type job struct {
	id  string
	out any
	log any
}

// Retag writes the job's id, then its new one.
func Retag(id string) string {
	var c, l Counter
	j := job{id: id, out: &c, log: &l}
	id += "-retry"
	j.out.(io.Writer).Write([]byte(j.id))
	j.log.(io.Writer).Write([]byte(id))
	return j.id + id
}
""",
        ),
        replace_all(
            ("\tj := job{id: id, out: &c, log: &l}\n", ""),
            ("j.out.(io.Writer).Write([]byte(j.id))", "io.Writer(&c).Write([]byte(id))"),
            ("j.log.(io.Writer)", "io.Writer(&l)"),
            ("return j.id + id", "return id + id"),
        ),
        '{pkg}.Retag("a")',
    ),
    # the field is []byte, the value stored a frame: assignable, but not the same type
    "plain_read_other_type": (
        case(
            "plain_read_other_type",
            'import (\n\t"fmt"\n\t"io"\n)',
            """type frame []byte

type packet struct {
	body []byte
	out  any
	log  any
}

func typeOf[T any](T) string { return fmt.Sprintf("%T", new(T))[1:] }

// Send writes the frame and says what the body was read as.
func Send(f frame) string {
	var c, l Counter
	p := packet{body: f, out: &c, log: &l}
	kind := typeOf(p.body)
	p.out.(io.Writer).Write(f)
	p.log.(io.Writer).Write(f)
	return kind
}
""",
        ),
        replace_all(
            ("\tp := packet{body: f, out: &c, log: &l}\n", ""),
            ("typeOf(p.body)", "typeOf(f)"),
            ("p.out.(io.Writer)", "io.Writer(&c)"),
            ("p.log.(io.Writer)", "io.Writer(&l)"),
        ),
        "{pkg}.Send(nil)",
    ),
    # a string literal in a field of a named string type: the read is a kind, whose String method fmt calls; the
    # literal in its place is an untyped constant, a plain string there
    "constant_named_string": (
        case(
            "constant_named_string",
            'import (\n\t"fmt"\n\t"io"\n)',
            """type kind string

func (k kind) String() string { return "kind " + string(k) }

type event struct {
	kind    kind
	payload any
}

// Emit writes the event's payload and describes its kind.
func Emit(msg []byte) string {
	var c Counter
	ev := event{kind: "login", payload: &c}
	k := ev.kind
	ev.payload.(io.Writer).Write(msg)
	return fmt.Sprint(k)
}
""",
        ),
        replace_all(
            ('\tev := event{kind: "login", payload: &c}\n', ""),
            ("k := ev.kind", 'k := "login"'),
            ("ev.payload.(io.Writer)", "io.Writer(&c)"),
        ),
        '{pkg}.Emit([]byte("abc"))',
    ),
    # the package's own `string`: an alias of a named type, which go/types spells `string` too
    "constant_string_redeclared": (
        case(
            "constant_string_redeclared",
            'import (\n\t"fmt"\n\t"html/template"\n\t"io"\n)',
            """type string = template.HTML

type event struct {
	kind    string
	payload any
}

// Emit writes the event's payload and says what its kind is.
func Emit(msg []byte) any {
	var c Counter
	ev := event{kind: "<b>go</b>", payload: &c}
	k := ev.kind
	ev.payload.(io.Writer).Write(msg)
	return fmt.Sprintf("%T", k)
}
""",
        ),
        replace_all(
            ('\tev := event{kind: "<b>go</b>", payload: &c}\n', ""),
            ("k := ev.kind", 'k := "<b>go</b>"'),
            ("ev.payload.(io.Writer)", "io.Writer(&c)"),
        ),
        'fmt.Sprint({pkg}.Emit([]byte("abc")))',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: entry[0] for name, entry in {**FIXES, **FALLBACKS, **DECLINES, **PLAIN_READS}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("iface-types"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-types-naive"), toolchain, DECLINES, NAIVE)


def _fix(proposed, name: str) -> Fix:
    (fix,) = [p for p in proposed[name] if isinstance(p, Fix)]
    return fix


@pytest.mark.parametrize("name", list(FIXES))
def test_proposes(proposed, name):
    fix = _fix(proposed, name)
    assert fix.safety == "safe", fix
    assert FIXES[name][1] in edited(FIXES[name][0], fix)


@pytest.mark.parametrize(("name", "reason"), [(n, r) for n, (_, r) in DECLINES.items()], ids=list(DECLINES))
def test_declines(proposed, name, reason):
    assert_declines(proposed.get(name, []), reason)


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_rewrite_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], NAIVE[name], name)


@pytest.mark.parametrize("name", list(PLAIN_READS))
def test_a_plain_read_that_may_differ_keeps_the_literal(proposed, name):
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]
    fixes += [alternative for f in fixes for alternative in f.instead]  # tried when the compiler rejects f
    assert not any("built only to be read back" in f.summary for f in fixes), fixes


@pytest.fixture(scope="module")
def plain_mutants(tmp_path_factory, toolchain):
    return naive_mutants(tmp_path_factory.mktemp("iface-plain-naive"), toolchain, PLAIN_READS, PLAIN_READS_NAIVE)


PLAIN_READS_NAIVE = {name: (rewrite, probe) for name, (_, rewrite, probe) in PLAIN_READS.items()}


@pytest.mark.parametrize("name", list(PLAIN_READS))
def test_the_naive_plain_read_rewrite_is_wrong(plain_mutants, name):
    assert_naive_is_wrong(plain_mutants, PLAIN_READS[name][0], PLAIN_READS_NAIVE[name], name)


@pytest.fixture(scope="module")
def allocs(tmp_path_factory, proposed):
    """Per release: case -> (AllocsPerRun of the original, of the rewrite), and each one's result."""
    cases = {name: (source, edited(source, _fix(proposed, name)), call) for name, (source, _, call) in FIXES.items()}
    return allocs_of(tmp_path_factory.mktemp("iface-types-allocs"), cases)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", list(FIXES))
def test_the_rewrite_allocates_less_and_computes_the_same(allocs, release, name):
    before, after, result, rewritten = allocs[releases()[release].version][name]
    assert after < before and result == rewritten, (before, after, result, rewritten)


@pytest.mark.parametrize("name", list(FALLBACKS))
def test_the_literal_read_is_the_fallback(proposed, name):
    source, expected, _ = FALLBACKS[name]
    fix = _fix(proposed, name)
    assert "ev.kind" in edited(source, fix), fix
    (fallback,) = fix.instead
    assert expected in edited(source, fallback) and "ev :=" not in edited(source, fallback)


@pytest.fixture(scope="module")
def fallback_allocs(tmp_path_factory, proposed):
    cases = {
        name: (source, edited(source, _fix(proposed, name).instead[0]), call)
        for name, (source, _, call) in FALLBACKS.items()
    }
    return allocs_of(tmp_path_factory.mktemp("iface-types-fallback-allocs"), cases)


@pytest.mark.parametrize("release", [0, 1], ids=["pinned", "go1.24.11"])
@pytest.mark.parametrize("name", list(FALLBACKS))
def test_the_fallback_allocates_less_and_computes_the_same(fallback_allocs, release, name):
    before, after, result, rewritten = fallback_allocs[releases()[release].version][name]
    assert after < before and result == rewritten, (before, after, result, rewritten)
