package rules

// Op compares an attribute against an operand.
type Op interface {
	Apply(a, b int) bool
}

type eqOp struct{}

func (eqOp) Apply(a, b int) bool { return a == b }

type ltOp struct{ inclusive bool }

func (o *ltOp) Apply(a, b int) bool {
	if o.inclusive {
		return a <= b
	}
	return a < b
}

type betweenOp struct{ lo, hi int }

func (o *betweenOp) Apply(a, _ int) bool { return a >= o.lo && a <= o.hi }

// countingOp counts how often it is applied.
type countingOp struct {
	calls int
	inner Op
}

func (o *countingOp) Apply(a, b int) bool {
	o.calls++
	return o.inner.Apply(a, b)
}

// Operator positions in the table.
const (
	opEq = iota
	opLt
	opBetween
)

// AtMost applies the inclusive less-than operator from the table.
func AtMost(x, limit int) bool {
	lt := ltOp{inclusive: true}
	ops := [...]any{opEq: eqOp{}, opLt: &lt}
	return ops[opLt].(Op).Apply(x, limit)
}

// InRange applies the between operator of a per-call table.
func InRange(x, lo, hi int) bool {
	bt := betweenOp{lo: lo, hi: hi}
	lt := ltOp{}
	ops := []any{&lt, &bt}
	op, ok := ops[1].(Op)
	if !ok {
		return false
	}
	return op.Apply(x, 0)
}

// ApplyNamed applies the operator the rule names.
func ApplyNamed(name string, a, b int) bool {
	lt := ltOp{}
	ops := map[string]any{"eq": eqOp{}, "lt": &lt}
	op, ok := ops[name].(Op)
	if !ok {
		return false
	}
	return op.Apply(a, b)
}

// ApplyIndexed applies the operator at the rule's index.
func ApplyIndexed(i, a, b int) bool {
	lt := ltOp{inclusive: true}
	bt := betweenOp{lo: b, hi: b + 10}
	ops := [3]any{eqOp{}, &lt, &bt}
	if i < 0 || i >= len(ops) {
		return false
	}
	return ops[i].(Op).Apply(a, b)
}

// Clamp reads its bounds back from an operand pair.
func Clamp(x, lo, hi int) int {
	bounds := [2]any{lo, hi}
	l := bounds[0].(int)
	h := bounds[1].(int)
	if x < l {
		return l
	}
	if x > h {
		return h
	}
	return x
}

// CountedApply applies an operator twice and reports how often it ran.
func CountedApply(x, limit int) (bool, int) {
	lt := ltOp{}
	c := countingOp{inner: &lt}
	ops := []any{&c}
	ok := ops[0].(Op).Apply(x, limit) && ops[0].(Op).Apply(x+1, limit)
	return ok, c.calls
}

// Snapshot boxes an operator by value, then reconfigures it: the box keeps
// the old bounds.
func Snapshot(x, lo, hi int) (bool, bool) {
	bt := betweenOp{lo: lo, hi: hi}
	ops := []any{bt}
	bt.hi = lo
	saved := ops[0].(betweenOp)
	return saved.Apply(x, 0), bt.Apply(x, 0)
}

// FirstOp returns the first operator of a table; the table's value leaves.
func FirstOp(limit int) Op {
	lt := ltOp{inclusive: limit > 0}
	ops := []any{&lt, eqOp{}}
	return ops[0].(Op)
}
