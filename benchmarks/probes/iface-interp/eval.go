package interp

import (
	"errors"
	"fmt"
	"strconv"
)

// Value is a runtime value of the little language.
type Value interface{ Kind() string }

type Number interface {
	Value
	Float() float64
}

type Adder interface {
	Add(Value) (Value, error)
}

type Lener interface{ Len() int }

type Int int64

type Str string

type List struct{ Items []int64 }

func (Int) Kind() string       { return "int" }
func (i Int) Float() float64   { return float64(i) }
func (Str) Kind() string       { return "str" }
func (s Str) Len() int         { return len(s) }
func (l *List) Kind() string   { return "list" }
func (l *List) Len() int       { return len(l.Items) }
func (l *List) Float() float64 { return float64(len(l.Items)) }

func (i Int) Add(v Value) (Value, error) {
	if j, ok := v.(Int); ok {
		return i + j, nil
	}
	return nil, errors.New("int + " + v.Kind())
}

// EvalSum looks both operands up in a fresh environment and adds them as floats.
func EvalSum(a, b int64) float64 {
	x, y := Int(a), Int(b)
	env := map[string]Value{"x": x, "y": y}
	n1 := env["x"].(Number)
	n2 := env["y"].(Number)
	return n1.Float() + n2.Float()
}

// AddValues adds two values through the language's Adder protocol.
func AddValues(a, b int64) string {
	l, r := Int(a), Int(b)
	var lv Value = l
	if ad, ok := lv.(Adder); ok {
		res, err := ad.Add(r)
		if err != nil {
			return err.Error()
		}
		return res.Kind() + ":" + strconv.FormatInt(int64(res.(Int)), 10)
	}
	return "no +"
}

// ListLen evaluates len() of a list literal.
func ListLen(items ...int64) int {
	l := List{Items: items}
	var v Value = &l
	if s, ok := v.(Lener); ok {
		return s.Len()
	}
	return -1
}

// CallFrame holds the arguments of a builtin call.
type CallFrame struct {
	Fn   string
	Args [2]Value
}

// BuiltinLen runs len() with its argument in a call frame.
func BuiltinLen(items ...int64) int {
	l := List{Items: items}
	call := CallFrame{Fn: "len", Args: [2]Value{&l}}
	if n, ok := call.Args[0].(Lener); ok {
		return n.Len()
	}
	return 0
}

// RunStack pushes two operands and pops them the way a stack machine does.
func RunStack(a, b int64) int64 {
	stack := make([]Value, 0, 8)
	stack = append(stack, Int(a), Int(b))
	top := stack[len(stack)-1].(Int)
	stack = stack[:len(stack)-1]
	next := stack[len(stack)-1].(Int)
	return int64(top + next)
}

// KindOf reports the kind of a value for an error message; the tracer keeps it.
func KindOf(items ...int64) string {
	l := List{Items: items}
	var v Value = &l
	trace(v)
	switch x := v.(type) {
	case Lener:
		return fmt.Sprintf("%s/%d", x.(Value).Kind(), x.Len())
	}
	return v.Kind()
}

var traced []Value

func trace(v Value) { traced = append(traced, v) }

// MeanOf reads a list and a scale back from the argument vector of a builtin.
func MeanOf(scale int64, items ...int64) float64 {
	l := List{Items: items}
	s := Int(scale)
	argv := []Value{&l, s}
	n := argv[0].(Number)
	k := argv[1].(Number)
	return k.Float() / n.Float()
}
