"""iface-direct reading a constant a literal stores in a field as its value (constants.py): `b.Gap` of `Gap: 3`
as `int(3)`, `b.On` of `On: true` as `true`, which lets the group drop the literal (the only rewrite that takes
every value of it off the heap). Each proposal is measured (AllocsPerRun under both releases, the same result);
each decline keeps the rewrite that spells the constant anyway as a mutant, shown to change what the code does.
"""

from __future__ import annotations

import pytest
from conftest import allocs_of, assert_naive_is_wrong, edited, naive_mutants, proposals_by_case
from test_iface_direct import RULE, case, replace_all

from gorewrite.proposals import Fix

IMPORTS = 'import (\n\t"fmt"\n\t"io"\n)\n\nvar _ = fmt.Sprint'

BOX = """type box struct {
	gap   int
	on    bool
	shift uint8
	ratio float64
	out   any
}
"""


def mirrored(name: str, other: str, imported: str = "", declared: str = "") -> tuple:
    """A must-decline case multiplying a boxed 0.0 by other, a constant, and its naive rewrite: folded, the product is
    0 where the program computes -0."""
    imports = f'import (\n\t"fmt"\n\t"io"\n{imported})\n\nvar _ = fmt.Sprint'
    body = f"""{declared}// Mirror writes the message and returns the ratio mirrored.
func Mirror(msg []byte) float64 {{
	var c Counter
	opts := map[string]any{{"out": &c, "ratio": 0.0}}
	opts["out"].(io.Writer).Write(msg)
	return opts["ratio"].(float64) * {other}
}}
"""
    naive = replace_all(
        ('\topts := map[string]any{"out": &c, "ratio": 0.0}\n', ""),
        ('opts["out"].(io.Writer)', "io.Writer(&c)"),
        (f'opts["ratio"].(float64) * {other}', f"float64(0.0) * {other}"),
    )
    return case(name, imports, body), naive, 'fmt.Sprint({pkg}.Mirror([]byte("a")))'


# case -> (source, what the rewritten file holds, a call whose value the rewrite keeps)
FIXES = {
    # an untyped integer constant in an int field, read in arithmetic where an untyped 3 would change its type
    "int_gap": (
        case(
            "int_gap",
            IMPORTS,
            BOX
            + """
// Pad writes the message and returns its padded length, halved then scaled as the layout does.
func Pad(msg []byte) any {
	var c Counter
	b := box{gap: 3, out: &c}
	b.out.(io.Writer).Write(msg)
	x := b.gap / 2 * 2.0
	return x + c.n
}
""",
        ),
        "x := int(3) / 2 * 2.0",
        '{pkg}.Pad([]byte("abc"))',
    ),
    # a bool, and a named constant of another width's field: go/types' value, the field's type
    "bool_and_byte": (
        case(
            "bool_and_byte",
            IMPORTS,
            BOX
            + """
const wide = 1 << 3

// Emit writes the message when the box is on and returns the bytes shifted.
func Emit(msg []byte) int {
	var c Counter
	b := box{on: true, shift: wide, out: &c}
	if b.on {
		b.out.(io.Writer).Write(msg)
	}
	return c.n << b.shift
}
""",
        ),
        "return c.n << uint8(8)",
        '{pkg}.Emit([]byte("ab"))',
    ),
}

# An untyped constant boxed in an `any` entry and asserted to its default type (matches._boxed_constant)
FIXES |= {
    # `2` boxes as an int: the assertion gives int 2, which `int(2)` is in arithmetic too (an untyped 2 would turn
    # `/ 2 * 2.0` into a float)
    "boxed_int": (
        case(
            "boxed_int",
            IMPORTS,
            """// Attempts writes the message and returns the retry count halved, then scaled as the caller does.
func Attempts(msg []byte) any {
	var c Counter
	opts := map[string]any{"out": &c, "retries": 3}
	opts["out"].(io.Writer).Write(msg)
	x := opts["retries"].(int) / 2 * 2.0
	return x + c.n
}
""",
        ),
        "x := int(3) / 2 * 2.0",
        '{pkg}.Attempts([]byte("abc"))',
    ),
    # a rune literal boxes as a rune, a string literal as a string: go/types' exact values
    "boxed_rune_string": (
        case(
            "boxed_rune_string",
            IMPORTS,
            """// Quote writes the message and returns its label between the separator.
func Quote(msg []byte) string {
	var c Counter
	opts := map[string]any{"out": &c, "sep": '|', "label": `say "hi"`}
	opts["out"].(io.Writer).Write(msg)
	sep := string(opts["sep"].(rune))
	return sep + opts["label"].(string) + sep
}
""",
        ),
        "sep := string(rune(124))",
        '{pkg}.Quote([]byte("abc"))',
    ),
}

# An integer constant converted to a named integer type folds exactly too (constants.float_folded lets it through)
FIXES |= {
    "duration": (
        case(
            "duration",
            'import (\n\t"fmt"\n\t"io"\n\t"time"\n)\n\nvar _ = fmt.Sprint',
            BOX
            + """
// Wait writes the message and returns the box's gap in seconds.
func Wait(msg []byte) time.Duration {
	var c Counter
	b := box{gap: 3, out: &c}
	b.out.(io.Writer).Write(msg)
	return time.Duration(b.gap) * time.Second
}
""",
        ),
        "return time.Duration(int(3)) * time.Second",
        '{pkg}.Wait([]byte("abc"))',
    ),
    # a conversion to a slice is no constant: what it converts folds no further
    "bytes_label": (
        case(
            "bytes_label",
            IMPORTS,
            """// Label writes the label the options hold to their sink and returns the bytes written.
func Label() int {
	var c Counter
	opts := map[string]any{"out": &c, "label": "total"}
	opts["out"].(io.Writer).Write([]byte(opts["label"].(string)))
	return c.n
}
""",
        ),
        'io.Writer(&c).Write([]byte(string("total")))',
        "{pkg}.Label()",
    ),
}

# The group must not read these as constants: case -> (source, the naive group rewrite, a call it changes)
DECLINES = {
    # a float: go/types' exact value 1/10 written back is Go's integer division, so the naive read computes -1, not 0
    "float_ratio": (
        case(
            "float_ratio",
            IMPORTS,
            BOX
            + """
// Error writes the message and returns how far ten tenths are from one.
func Error(msg []byte) float64 {
	var c Counter
	b := box{ratio: 0.1, out: &c}
	b.out.(io.Writer).Write(msg)
	return b.ratio*10 - 1
}
""",
        ),
        replace_all(
            ("\tb := box{ratio: 0.1, out: &c}\n", ""),
            ("b.out.(io.Writer)", "io.Writer(&c)"),
            ("b.ratio*10", "float64(1/10)*10"),
        ),
        'fmt.Sprint({pkg}.Error([]byte("a")))',
    ),
    # a float boxed in an `any`: its exact value written back, float64(1/10), is 0 (an integer division)
    "boxed_float": (
        case(
            "boxed_float",
            IMPORTS,
            """// Drift writes the message and returns how far ten tenths are from one.
func Drift(msg []byte) float64 {
	var c Counter
	opts := map[string]any{"out": &c, "ratio": 0.1}
	opts["out"].(io.Writer).Write(msg)
	return opts["ratio"].(float64)*10 - 1
}
""",
        ),
        replace_all(
            ('\topts := map[string]any{"out": &c, "ratio": 0.1}\n', ""),
            ('opts["out"].(io.Writer)', "io.Writer(&c)"),
            ('opts["ratio"].(float64)', "float64(1/10)"),
        ),
        'fmt.Sprint({pkg}.Drift([]byte("a")))',
    ),
    # an interface asked of a constant: a basic type has no methods, and `fmt.Stringer(2)` does not compile
    "boxed_interface": (
        case(
            "boxed_interface",
            IMPORTS,
            """// Show writes the message and describes the count when it can describe itself.
func Show(msg []byte) string {
	var c Counter
	opts := map[string]any{"out": &c, "n": 2}
	opts["out"].(io.Writer).Write(msg)
	if s, ok := opts["n"].(fmt.Stringer); ok {
		return s.String()
	}
	return "?"
}
""",
        ),
        replace_all(
            ('\topts := map[string]any{"out": &c, "n": 2}\n', ""),
            ('opts["out"].(io.Writer)', "io.Writer(&c)"),
            ('s, ok := opts["n"].(fmt.Stringer); ok', "s := fmt.Stringer(2); true"),
        ),
        "cannot convert 2 (untyped int constant) to type fmt.Stringer",
    ),
    # a rune boxes as a rune (int32): the check for an int fails, where `int(124)` would pass it
    "boxed_rune_as_int": (
        case(
            "boxed_rune_as_int",
            IMPORTS,
            """// Sep writes the message and returns the separator's width when it is an int.
func Sep(msg []byte) int {
	var c Counter
	opts := map[string]any{"out": &c, "sep": '|'}
	opts["out"].(io.Writer).Write(msg)
	if n, ok := opts["sep"].(int); ok {
		return n
	}
	return -1
}
""",
        ),
        replace_all(
            ('\topts := map[string]any{"out": &c, "sep": \'|\'}\n', ""),
            ('opts["out"].(io.Writer)', "io.Writer(&c)"),
            ('n, ok := opts["sep"].(int); ok', "n := int(124); true"),
        ),
        'fmt.Sprint({pkg}.Sep([]byte("a")))',
    ),
    # the function's own `int`, a func: `int(3)` there calls it
    "int_shadowed": (
        case(
            "int_shadowed",
            IMPORTS,
            BOX
            + """
// Scaled writes the message and returns the gap through the function's own scale, named int.
func Scaled(msg []byte) int {
	var c Counter
	b := box{gap: 3, out: &c}
	int := func(n int) int { return n * 10 }
	b.out.(io.Writer).Write(msg)
	return int(b.gap)
}
""",
        ),
        replace_all(
            ("\tb := box{gap: 3, out: &c}\n", ""),
            ("b.out.(io.Writer)", "io.Writer(&c)"),
            ("int(b.gap)", "int(int(3))"),
        ),
        'fmt.Sprint({pkg}.Scaled([]byte("a")))',
    ),
}


# A constant folded into a float has no negative zero, and a `true` the function declares is not Go's
DECLINES |= {
    # `-float64(int(0))` folds to 0 where the program negates the converted 0 into -0: fmt prints "-0"
    "negative_zero": (
        case(
            "negative_zero",
            IMPORTS,
            BOX
            + """
// Mirror writes the message and returns the gap mirrored, as a float.
func Mirror(msg []byte) float64 {
	var c Counter
	b := box{gap: 0, out: &c}
	b.out.(io.Writer).Write(msg)
	return -float64(b.gap)
}
""",
        ),
        replace_all(
            ("\tb := box{gap: 0, out: &c}\n", ""),
            ("b.out.(io.Writer)", "io.Writer(&c)"),
            ("-float64(b.gap)", "-float64(int(0))"),
        ),
        'fmt.Sprint({pkg}.Mirror([]byte("a")))',
    ),
    # the same boxed in an `any` entry and asserted back
    "boxed_negative_zero": (
        case(
            "boxed_negative_zero",
            IMPORTS,
            """// Heading writes the message and returns the retries mirrored, as a float.
func Heading(msg []byte) float64 {
	var c Counter
	opts := map[string]any{"out": &c, "retries": 0}
	opts["out"].(io.Writer).Write(msg)
	return -float64(opts["retries"].(int))
}
""",
        ),
        replace_all(
            ('\topts := map[string]any{"out": &c, "retries": 0}\n', ""),
            ('opts["out"].(io.Writer)', "io.Writer(&c)"),
            ('-float64(opts["retries"].(int))', "-float64(int(0))"),
        ),
        'fmt.Sprint({pkg}.Heading([]byte("a")))',
    ),
    # the function declares its own `true` past the literal: written at the read, `true` would be that variable
    "bool_shadowed": (
        case(
            "bool_shadowed",
            IMPORTS,
            BOX
            + """
// Gate writes a short message when the box is on, and returns the bytes written.
func Gate(msg []byte) int {
	var c Counter
	b := box{on: true, out: &c}
	true := len(msg) > 10
	if b.on && !true {
		b.out.(io.Writer).Write(msg)
	}
	return c.n
}
""",
        ),
        replace_all(
            ("\tb := box{on: true, out: &c}\n", ""),
            ("b.out.(io.Writer)", "io.Writer(&c)"),
            ("if b.on && !true", "if true && !true"),
        ),
        'fmt.Sprint({pkg}.Gate([]byte("a")))',
    ),
}


# A bool, a named type's constant and a float boxed in an `any` entry, asserted to the type go/types boxed them as
FIXES |= {
    # `false` is written as the stored text: go/types' value of it is a bool, the spelling may be the package's
    "boxed_bool": (
        case(
            "boxed_bool",
            IMPORTS,
            """// Echo writes the message unless the options say quiet, and returns the bytes written.
func Echo(msg []byte) int {
	var c Counter
	opts := map[string]any{"out": &c, "quiet": false}
	if !opts["quiet"].(bool) {
		opts["out"].(io.Writer).Write(msg)
	}
	return c.n
}
""",
        ),
        "if !bool(false) {",
        '{pkg}.Echo([]byte("abc"))',
    ),
    # a constant of a named type boxes as that type, whose String fmt calls: written as go/types' value of it, typed
    "boxed_named": (
        case(
            "boxed_named",
            IMPORTS,
            """type Level int

const Debug Level = 1

func (l Level) String() string { return fmt.Sprint("level-", int(l)) }

// Log writes the message and says at which level.
func Log(msg []byte) string {
	var c Counter
	opts := map[string]any{"out": &c, "level": Debug}
	opts["out"].(io.Writer).Write(msg)
	return fmt.Sprint(opts["level"].(Level), c.n)
}
""",
        ),
        "return fmt.Sprint(Level(1), c.n)",
        '{pkg}.Log([]byte("abc"))',
    ),
    # a float in arithmetic with a variable: nothing folds it, so the multiplication runs as it did, bit for bit
    "boxed_float_factor": (
        case(
            "boxed_float_factor",
            IMPORTS,
            """const scale = 0.1

// Scaled writes the message and returns its length scaled.
func Scaled(msg []byte) float64 {
	var c Counter
	opts := map[string]any{"out": &c, "scale": scale}
	opts["out"].(io.Writer).Write(msg)
	return float64(c.n) * opts["scale"].(float64)
}
""",
        ),
        "return float64(c.n) * float64(scale)",
        '{pkg}.Scaled([]byte("abc"))',
    ),
}

# A boxed float Go would fold with what surrounds it, or whose text would mean another constant at the assertion
DECLINES |= {
    # `-0.0` boxes as +0 and the program negates it into -0; `-float64(-0.0)` folds to 0 (and go/constant gives
    # `-0.0` the kind of an integer: written as its exact value, `-float64(0)`, it folds the same)
    "boxed_float_negated": (
        case(
            "boxed_float_negated",
            IMPORTS,
            """// Flip writes the message and returns the offset negated.
func Flip(msg []byte) float64 {
	var c Counter
	opts := map[string]any{"out": &c, "offset": -0.0}
	opts["out"].(io.Writer).Write(msg)
	return -opts["offset"].(float64)
}
""",
        ),
        replace_all(
            ('\topts := map[string]any{"out": &c, "offset": -0.0}\n', ""),
            ('opts["out"].(io.Writer)', "io.Writer(&c)"),
            ('-opts["offset"].(float64)', "-float64(-0.0)"),
        ),
        'fmt.Sprint({pkg}.Flip([]byte("a")))',
    ),
    # times a constant (a conversion of an operation of constants is one): 0 * -1 is -0 at run time, 0 folded
    "boxed_float_times_constant": (
        case(
            "boxed_float_times_constant",
            IMPORTS,
            """// Mirror writes the message and returns the ratio mirrored.
func Mirror(msg []byte) float64 {
	var c Counter
	opts := map[string]any{"out": &c, "ratio": 0.0}
	opts["out"].(io.Writer).Write(msg)
	return opts["ratio"].(float64) * float64(0-1)
}
""",
        ),
        replace_all(
            ('\topts := map[string]any{"out": &c, "ratio": 0.0}\n', ""),
            ('opts["out"].(io.Writer)', "io.Writer(&c)"),
            ('opts["ratio"].(float64) * float64(0-1)', "float64(0.0) * float64(0-1)"),
        ),
        'fmt.Sprint({pkg}.Mirror([]byte("a")))',
    ),
    # the other operand a named constant, negated, or another package's: each is a constant, so the naive
    # `float64(0.0) * …` folds to 0 where the program multiplies +0 at run time into -0 (constants.runtime_value)
    "boxed_float_times_named": mirrored("boxed_float_times_named", "flip", declared="const flip = -1\n\n"),
    "boxed_float_times_negative": mirrored("boxed_float_times_negative", "-2"),
    "boxed_float_times_imported": mirrored("boxed_float_times_imported", "math.MinInt8", '\t"math"\n'),
    # converted: the program truncates 2.5 to 2, the folded conversion of a constant does not compile
    "boxed_float_truncated": (
        case(
            "boxed_float_truncated",
            IMPORTS,
            """// Whole writes the message and returns the factor's whole part.
func Whole(msg []byte) int {
	var c Counter
	opts := map[string]any{"out": &c, "factor": 2.5}
	opts["out"].(io.Writer).Write(msg)
	return int(opts["factor"].(float64))
}
""",
        ),
        replace_all(
            ('\topts := map[string]any{"out": &c, "factor": 2.5}\n', ""),
            ('opts["out"].(io.Writer)', "io.Writer(&c)"),
            ('int(opts["factor"].(float64))', "int(float64(2.5))"),
        ),
        "truncated",
    ),
    # the function declares its own scale: written at the assertion, the stored text would name it
    "boxed_float_shadowed": (
        case(
            "boxed_float_shadowed",
            IMPORTS,
            """const scale = 0.5

// Scaled writes the message and returns its length scaled, plus the step's own scale.
func Scaled(msg []byte) float64 {
	var c Counter
	opts := map[string]any{"out": &c, "scale": scale}
	opts["out"].(io.Writer).Write(msg)
	scale := float64(len(msg))
	return float64(c.n)*opts["scale"].(float64) + scale
}
""",
        ),
        replace_all(
            ('\topts := map[string]any{"out": &c, "scale": scale}\n', ""),
            ('opts["out"].(io.Writer)', "io.Writer(&c)"),
            ('opts["scale"].(float64)', "float64(scale)"),
        ),
        'fmt.Sprint({pkg}.Scaled([]byte("abcd")))',
    ),
}


# A struct literal of constants stored by value beside a pointer: built again at the assertion, an equal value
FIXES |= {
    "boxed_value_literal": (
        case(
            "boxed_value_literal",
            IMPORTS,
            """type prefix struct{ s string }

func (p prefix) Write(b []byte) (int, error) { return len(p.s) + len(b), nil }

// Both writes the message through the counter and the prefixer, and returns what each wrote.
func Both(msg []byte) int {
	var c Counter
	sinks := []any{&c, prefix{s: "> "}}
	sinks[0].(io.Writer).Write(msg)
	n, _ := sinks[1].(io.Writer).Write(msg)
	return c.n + n
}
""",
        ),
        'n, _ := io.Writer(prefix{s: "> "}).Write(msg)',
        '{pkg}.Both([]byte("abc"))',
    ),
}

# the same literal in a field of its own type, read plainly beside the assertion: the group reads it as the literal
FIXES |= {
    # a literal of literals of constants, built again whole
    "boxed_nested_literal": (
        case(
            "boxed_nested_literal",
            IMPORTS,
            """type frame struct {
	pad  [2]int
	tail struct{ n int }
}

// Framed writes the message and returns the bytes written plus the frame's padding and tail.
func Framed(msg []byte) int {
	var c Counter
	sinks := []any{&c, frame{pad: [2]int{1, 2}, tail: struct{ n int }{3}}}
	sinks[0].(io.Writer).Write(msg)
	f := sinks[1].(frame)
	return c.n + f.pad[1] + f.tail.n
}
""",
        ),
        "f := frame{pad: [2]int{1, 2}, tail: struct{ n int }{3}}",
        '{pkg}.Framed([]byte("abc"))',
    ),
    "struct_field_literal": (
        case(
            "struct_field_literal",
            IMPORTS,
            """type limits struct{ max int }

type options struct {
	lim limits
	out any
}

// Capped writes the message and returns the bytes written times the options' cap.
func Capped(msg []byte) int {
	var c Counter
	o := options{lim: limits{max: 2}, out: &c}
	o.out.(io.Writer).Write(msg)
	return c.n * o.lim.max
}
""",
        ),
        "return c.n * limits{max: 2}.max",
        '{pkg}.Capped([]byte("abc"))',
    ),
}

# the literal landing in an if, for or switch header: Go would read its `{` as the statement's block, so it is
# written parenthesized (matches.headed); unparenthesized the rewrite does not parse
FIXES |= {
    "struct_field_literal_header": (
        case(
            "struct_field_literal_header",
            IMPORTS,
            """type limits struct{ max int }

type options struct {
	lim limits
	out any
}

// Capped writes the message and returns the bytes written when the options' cap is 2.
func Capped(msg []byte) int {
	var c Counter
	o := options{lim: limits{max: 2}, out: &c}
	o.out.(io.Writer).Write(msg)
	switch o.lim.max {
	case 2:
		return c.n
	}
	return 0
}
""",
        ),
        "switch (limits{max: 2}).max {",
        '{pkg}.Capped([]byte("abc"))',
    ),
    "boxed_literal_if_header": (
        case(
            "boxed_literal_if_header",
            IMPORTS,
            """type span struct{ lo, hi int }

// Spanned writes the message and returns the bytes written past the span's end.
func Spanned(msg []byte) int {
	var c Counter
	sinks := []any{&c, span{1, 2}}
	sinks[0].(io.Writer).Write(msg)
	if s := sinks[1].(span); c.n > s.hi {
		return c.n - s.hi
	}
	return 0
}
""",
        ),
        "if s := (span{1, 2}); c.n > s.hi {",
        '{pkg}.Spanned([]byte("abc"))',
    ),
    # a generic instance whose type argument has brackets of its own
    "boxed_generic_literal_header": (
        case(
            "boxed_generic_literal_header",
            IMPORTS,
            """type pair[T any] struct{ a, b T }

// Paired writes the message and returns the bytes written when the pair's second row ends in 4.
func Paired(msg []byte) int {
	var c Counter
	sinks := []any{&c, pair[[2]int]{[2]int{1, 2}, [2]int{3, 4}}}
	sinks[0].(io.Writer).Write(msg)
	switch sinks[1].(pair[[2]int]).b[1] {
	case 4:
		return c.n
	}
	return 0
}
""",
        ),
        "switch (pair[[2]int]{[2]int{1, 2}, [2]int{3, 4}}).b[1] {",
        '{pkg}.Paired([]byte("abc"))',
    ),
    # in the if's body, past its header: as it is
    "boxed_literal_if_body": (
        case(
            "boxed_literal_if_body",
            IMPORTS,
            """type span struct{ lo, hi int }

// Spanned writes the message and returns the bytes written past the span's end.
func Spanned(msg []byte) int {
	var c Counter
	sinks := []any{&c, span{1, 2}}
	sinks[0].(io.Writer).Write(msg)
	if c.n > 0 {
		return c.n - sinks[1].(span).hi
	}
	return 0
}
""",
        ),
        "return c.n - span{1, 2}.hi",
        '{pkg}.Spanned([]byte("abc"))',
    ),
}

# A literal whose value built again would differ: a slice (a new backing array) or one calling a function
DECLINES |= {
    # the write through the first assertion's slice is what the second reads; a new slice would not hold it
    "boxed_slice_literal": (
        case(
            "boxed_slice_literal",
            IMPORTS,
            """// Tags writes the message, renames its first tag and returns the tag read back.
func Tags(msg []byte) string {
	var c Counter
	opts := []any{&c, []string{"draft"}}
	opts[0].(io.Writer).Write(msg)
	tags := opts[1].([]string)
	tags[0] = "final"
	return opts[1].([]string)[0]
}
""",
        ),
        replace_all(
            ('\topts := []any{&c, []string{"draft"}}\n', ""),
            ("opts[0].(io.Writer)", "io.Writer(&c)"),
            ("opts[1].([]string)", '[]string{"draft"}'),
            ("opts[1].([]string)", '[]string{"draft"}'),
        ),
        'fmt.Sprint({pkg}.Tags([]byte("a")))',
    ),
    # the function declares its own sep after the store: built again at the assertion, the literal would name it
    "boxed_literal_shadowed": (
        case(
            "boxed_literal_shadowed",
            IMPORTS,
            """type prefix struct{ s string }

func (p prefix) Write(b []byte) (int, error) { return len(p.s) + len(b), nil }

const sep = "> "

// Both writes the message through the counter and the prefixer, and returns what each wrote and the separator.
func Both(msg []byte) string {
	var c Counter
	sinks := []any{&c, prefix{s: sep}}
	sinks[0].(io.Writer).Write(msg)
	sep := string(msg)
	n, _ := sinks[1].(io.Writer).Write(msg)
	return fmt.Sprint(c.n+n, sep)
}
""",
        ),
        replace_all(
            ("\tsinks := []any{&c, prefix{s: sep}}\n", ""),
            ("sinks[0].(io.Writer)", "io.Writer(&c)"),
            ("sinks[1].(io.Writer)", "io.Writer(prefix{s: sep})"),
        ),
        '{pkg}.Both([]byte("abcd"))',
    ),
    # the stamp's call ran once, at the store; built again at each assertion it runs twice
    "boxed_literal_call": (
        case(
            "boxed_literal_call",
            IMPORTS,
            """type stamp struct{ n int }

var clock int

func next() int { clock++; return clock }

// Stamped writes the message and returns its stamp twice over.
func Stamped(msg []byte) int {
	var c Counter
	opts := []any{&c, stamp{n: next()}}
	opts[0].(io.Writer).Write(msg)
	return opts[1].(stamp).n + opts[1].(stamp).n
}
""",
        ),
        replace_all(
            ("\topts := []any{&c, stamp{n: next()}}\n", ""),
            ("opts[0].(io.Writer)", "io.Writer(&c)"),
            ("opts[1].(stamp)", "stamp{n: next()}"),
            ("opts[1].(stamp)", "stamp{n: next()}"),
        ),
        'fmt.Sprint({pkg}.Stamped([]byte("a")))',
    ),
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {name: entry[0] for name, entry in {**FIXES, **DECLINES}.items()}
    return proposals_by_case(tmp_path_factory.mktemp("iface-constants"), RULE, cases)


def _group(proposed, name: str) -> list[Fix]:
    """The fixes proposed and the alternatives tried when the compiler rejects one, that drop the literal."""
    fixes = [p for p in proposed[name] if isinstance(p, Fix)]
    fixes += [alternative for f in fixes for alternative in f.instead]
    return [f for f in fixes if "built only to be read back" in f.summary]


@pytest.mark.parametrize("name", list(FIXES))
def test_the_constant_is_read_typed_and_the_literal_goes(proposed, name):
    (fix,) = _group(proposed, name)
    assert FIXES[name][1] in edited(FIXES[name][0], fix), edited(FIXES[name][0], fix)


@pytest.mark.parametrize("name", list(DECLINES))
def test_a_constant_that_may_differ_keeps_the_literal(proposed, name):
    assert not _group(proposed, name), proposed[name]


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    naive = {name: (rewrite, probe) for name, (_, rewrite, probe) in DECLINES.items()}
    return naive_mutants(tmp_path_factory.mktemp("iface-constants-naive"), toolchain, DECLINES, naive)


@pytest.mark.parametrize("name", list(DECLINES))
def test_the_naive_constant_read_is_wrong(mutants, name):
    assert_naive_is_wrong(mutants, DECLINES[name][0], DECLINES[name][1:], name)


def test_the_group_allocates_less_and_computes_the_same(tmp_path, proposed):
    """AllocsPerRun of each case and of its group rewrite, under the pinned release and go1.24.11."""
    cases = {}
    for name, (source, _, call) in FIXES.items():
        (fix,) = _group(proposed, name)
        cases[name] = (source, edited(source, fix), call)
    for version, measured in allocs_of(tmp_path, cases).items():
        for name, (before, after, result, rewritten) in measured.items():
            assert after < before and result == rewritten, (version, name, before, after, result, rewritten)
            print(version, name, before, "->", after)


def test_the_summary_says_the_constant_read(proposed):
    (fix,) = _group(proposed, "boxed_rune_string")
    assert 'use \'|\' as rune(124) and use `say "hi"` as string("say \\"hi\\"")' in fix.summary, fix.summary
