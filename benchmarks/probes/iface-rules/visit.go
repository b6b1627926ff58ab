package rules

// Visitor visits a rule tree and returns a result of its own type.
type Visitor interface {
	Visit(n Node) any
}

// depthVisitor measures a tree's depth.
type depthVisitor struct{}

func (depthVisitor) Visit(n Node) any {
	switch v := n.(type) {
	case *And:
		l := depthVisitor{}.Visit(v.L).(int)
		r := depthVisitor{}.Visit(v.R).(int)
		if l > r {
			return l + 1
		}
		return r + 1
	case *Not:
		return depthVisitor{}.Visit(v.N).(int) + 1
	default:
		return 1
	}
}

// counter counts the leaves it visits.
type counter struct{ leaves int }

func (c *counter) Visit(n Node) any {
	switch v := n.(type) {
	case *And:
		c.Visit(v.L)
		c.Visit(v.R)
	case *Not:
		c.Visit(v.N)
	default:
		c.leaves++
	}
	return c.leaves
}

// Depth measures the depth of a small tree built per call.
func Depth(min int) int {
	age := AgeAtLeast{Min: min}
	tier := TierAbove{Min: 1}
	root := And{L: age, R: &tier}
	return depthVisitor{}.Visit(&root).(int)
}

// Leaves counts the leaves of a tree the caller built, through a visitor
// picked from a table.
func Leaves(root Node) int {
	c := counter{}
	visitors := []any{&c}
	v := visitors[0].(Visitor)
	return v.Visit(root).(int)
}

// Summary reports a count and a label as a visitor result pair.
func Summary(count int, label string) (int, string) {
	res := []any{count, label}
	return res[0].(int), res[1].(string)
}

// Result carries a visitor's answer and where it came from.
type Result struct {
	Value  any
	Source string
}

// ResultVersion reads a version result back.
func ResultVersion(major, minor int) string {
	v := Version{Major: major, Minor: minor}
	r := Result{Value: &v, Source: "client"}
	if p, ok := r.Value.(*Version); ok {
		return p.String()
	}
	return r.Source
}
