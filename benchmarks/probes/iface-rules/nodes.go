package rules

// Node is one condition of a rule tree.
type Node interface {
	Eval(ctx *Ctx) bool
}

// AttrEq holds when a string attribute equals Want.
type AttrEq struct {
	Attr string
	Want string
}

func (e *AttrEq) Eval(ctx *Ctx) bool {
	s, _ := ctx.Attrs[e.Attr].(string)
	return s == e.Want
}

// CountryIs holds when the request's country is one of Codes.
type CountryIs struct{ Codes []string }

func (c *CountryIs) Eval(ctx *Ctx) bool {
	for _, code := range c.Codes {
		if ctx.Country == code {
			return true
		}
	}
	return false
}

// AgeAtLeast holds for users at least Min years old.
type AgeAtLeast struct{ Min int }

func (a AgeAtLeast) Eval(ctx *Ctx) bool { return ctx.Age >= a.Min }

// TierAbove holds for users above tier Min.
type TierAbove struct{ Min int }

func (t *TierAbove) Eval(ctx *Ctx) bool { return ctx.Tier > t.Min }

// And holds when both sides do.
type And struct{ L, R Node }

func (a *And) Eval(ctx *Ctx) bool { return a.L.Eval(ctx) && a.R.Eval(ctx) }

// Not negates N; a Not without N holds for nobody.
type Not struct{ N Node }

func (n *Not) Eval(ctx *Ctx) bool { return n.N != nil && !n.N.Eval(ctx) }

// hits counts the evaluations of its node.
type hits struct {
	n    int
	node Node
}

func (h *hits) Eval(ctx *Ctx) bool {
	h.n++
	return h.node.Eval(ctx)
}

// BetaEligible is "tier above 1 and at least 21", evaluated in order.
func BetaEligible(ctx *Ctx) bool {
	tier := TierAbove{Min: 1}
	age := AgeAtLeast{Min: 21}
	conds := [2]Node{&tier, age}
	return conds[0].Eval(ctx) && conds[1].Eval(ctx)
}

// AdultIn holds for adults in one country, as a tree built per call.
func AdultIn(ctx *Ctx, country string) bool {
	in := CountryIs{Codes: []string{country}}
	root := And{L: &in, R: AgeAtLeast{Min: 18}}
	return root.Eval(ctx)
}

// WantOf explains an equality condition kept in a local node.
func WantOf(attr, want string) string {
	eq := AttrEq{Attr: attr, Want: want}
	var n Node = &eq
	if e, ok := n.(*AttrEq); ok {
		return e.Attr + "==" + e.Want
	}
	return "?"
}

// MinAge reads the threshold of the age condition of a rule.
func MinAge(min int) int {
	cond := AgeAtLeast{Min: min}
	rule := Not{N: cond}
	if a, ok := rule.N.(AgeAtLeast); ok {
		return a.Min
	}
	return 0
}

// Optional evaluates a country condition only when one is configured: the
// node may be nil.
func Optional(ctx *Ctx, country string) bool {
	var n Node
	in := CountryIs{Codes: []string{country}}
	if country != "" {
		n = &in
	}
	if c, ok := n.(*CountryIs); ok {
		return c.Eval(ctx)
	}
	return true
}

// Unset asks a Not built without its node for its condition.
func Unset(ctx *Ctx) bool {
	rule := Not{}
	_, ok := rule.N.(*AttrEq)
	return ok
}

// Explain names a node of a tree the caller built.
func Explain(n Node) string {
	switch v := n.(type) {
	case *AttrEq:
		return v.Attr + "==" + v.Want
	case AgeAtLeast:
		return "age>=" + itoa(v.Min)
	case *And:
		return "(" + Explain(v.L) + " && " + Explain(v.R) + ")"
	case *Not:
		return "!" + Explain(v.N)
	default:
		return "?"
	}
}

// Counted evaluates a condition twice through a counter and returns both.
func Counted(ctx *Ctx) (bool, int) {
	tier := TierAbove{Min: 0}
	h := hits{node: &tier}
	rule := Not{N: &h}
	got := rule.N.Eval(ctx) && rule.N.Eval(ctx)
	return got, h.n
}

// TierThreshold reads the tier condition back from a tree built per call.
func TierThreshold(min int) int {
	tier := TierAbove{Min: min}
	age := AgeAtLeast{Min: 18}
	root := And{L: &tier, R: age}
	switch n := root.L.(type) {
	case *TierAbove:
		return n.Min
	case AgeAtLeast:
		return n.Min
	}
	return -1
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
