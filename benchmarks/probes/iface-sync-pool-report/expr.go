package probe42

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
)

// Node is an expression tree node.
type Node interface {
	Eval(env map[string]float64) (float64, error)
}

// Num is a literal.
type Num float64

// Var is a variable reference.
type Var string

// Binary is an arithmetic operation.
type Binary struct {
	Op   byte
	L, R Node
}

func (n Num) Eval(map[string]float64) (float64, error) { return float64(n), nil }

func (v Var) Eval(env map[string]float64) (float64, error) {
	x, ok := env[string(v)]
	if !ok {
		return 0, fmt.Errorf("undefined: %s", string(v))
	}
	return x, nil
}

func (b *Binary) Eval(env map[string]float64) (float64, error) {
	l, err := b.L.Eval(env)
	if err != nil {
		return 0, err
	}
	r, err := b.R.Eval(env)
	if err != nil {
		return 0, err
	}
	switch b.Op {
	case '+':
		return l + r, nil
	case '-':
		return l - r, nil
	case '*':
		return l * r, nil
	case '/':
		if r == 0 {
			return 0, errors.New("division by zero")
		}
		return l / r, nil
	}
	return 0, fmt.Errorf("bad op %q", b.Op)
}

// Fold returns the constant value of a binary node of literals.
func (b *Binary) Fold() (Node, bool) {
	l, lok := b.L.(Num)
	r, rok := b.R.(Num)
	if !lok || !rok {
		return nil, false
	}
	v, err := b.Eval(nil)
	if err != nil {
		return nil, false
	}
	_ = l
	_ = r
	return Num(v), true
}

// Folder is implemented by nodes that can constant-fold.
type Folder interface {
	Fold() (Node, bool)
}

func writeNode(sb *strings.Builder, n Node) {
	switch x := n.(type) {
	case Num:
		sb.WriteString(strconv.FormatFloat(float64(x), 'g', -1, 64))
	case Var:
		sb.WriteString(string(x))
	case *Binary:
		sb.WriteByte('(')
		writeNode(sb, x.L)
		sb.WriteByte(' ')
		sb.WriteByte(x.Op)
		sb.WriteByte(' ')
		writeNode(sb, x.R)
		sb.WriteByte(')')
	default:
		fmt.Fprintf(sb, "%v", x)
	}
}

// Format prints an expression; the result is kept by the caller.
func Format(n Node) string {
	var sb strings.Builder
	writeNode(&sb, n)
	return sb.String()
}

// Fingerprint hashes the printed form of an expression for a cache key.
func Fingerprint(n Node) uint64 {
	var sb strings.Builder
	writeNode(&sb, n)
	h := fnv.New64a()
	h.Write([]byte(sb.String()))
	return h.Sum64()
}

// DumpTree writes an indented tree for debugging.
func DumpTree(n Node) string {
	var buf bytes.Buffer
	dump(&buf, n, 0)
	return buf.String()
}

func dump(buf *bytes.Buffer, n Node, depth int) {
	fmt.Fprintf(buf, "%*s", depth*2, "")
	if b, ok := n.(*Binary); ok {
		fmt.Fprintf(buf, "%c\n", b.Op)
		dump(buf, b.L, depth+1)
		dump(buf, b.R, depth+1)
		return
	}
	fmt.Fprintf(buf, "%v\n", n)
}

// Scale evaluates a*b, folding when it can.
func Scale(a, b float64) (float64, error) {
	bin := Binary{Op: '*', L: Num(a), R: Num(b)}
	var n any = &bin
	if f, ok := n.(Folder); ok {
		if c, ok := f.Fold(); ok {
			return c.Eval(nil)
		}
	}
	return n.(Node).Eval(nil)
}

// Hypot evaluates sqrt(x*x+y*y) through the tree, for the calculator endpoint.
func Hypot(x, y float64) (float64, error) {
	xx := Binary{Op: '*', L: Var("x"), R: Var("x")}
	yy := Binary{Op: '*', L: Var("y"), R: Var("y")}
	sum := Binary{Op: '+', L: &xx, R: &yy}
	v, err := sum.Eval(map[string]float64{"x": x, "y": y})
	return math.Sqrt(v), err
}

// Describe names the kind of a node built by the parser.
func DescribeOp(op byte, l, r float64) string {
	b := Binary{Op: op, L: Num(l), R: Num(r)}
	nodes := [1]Node{&b}
	switch x := nodes[0].(type) {
	case Num:
		return "number"
	case *Binary:
		return "binary " + string(x.Op)
	}
	return "other"
}
