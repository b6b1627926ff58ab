package plugins

// Fact is what a rule engine evaluates rules against.
type Fact struct {
	Amount  int
	Country string
	Flagged bool
}

// Rule is one condition of a rule engine.
type Rule interface {
	Match(f *Fact) bool
}

// Scorer is a rule that contributes a risk score.
type Scorer interface {
	Score(f *Fact) int
}

type overLimit struct{ limit int }

func (r *overLimit) Match(f *Fact) bool { return f.Amount > r.limit }
func (r *overLimit) Score(f *Fact) int  { return (f.Amount - r.limit) / 10 }

type inCountry struct{ codes []string }

func (r *inCountry) Match(f *Fact) bool {
	for _, c := range r.codes {
		if c == f.Country {
			return true
		}
	}
	return false
}

type flagged struct{ weight int }

func (r *flagged) Match(f *Fact) bool { return f.Flagged }
func (r *flagged) Score(f *Fact) int  { return r.weight }

// Policy is a named rule with how much it counts.
type Policy struct {
	Name   string
	Rule   Rule
	Points int
	Block  bool
}

// OverLimit evaluates a single inline policy.
func OverLimit(f *Fact, limit int) int {
	r := overLimit{limit: limit}
	p := Policy{Name: "over-limit", Rule: &r, Points: 5}
	if p.Rule.Match(f) {
		return p.Points
	}
	return 0
}

// ShouldBlock says whether a flagged fact is blocked.
func ShouldBlock(f *Fact) bool {
	r := flagged{weight: 3}
	p := Policy{Name: "flagged", Rule: &r, Block: true}
	return p.Rule.Match(f) && p.Block
}

// Risk sums the scores of the scoring rules of a literal rule set.
func Risk(f *Fact, limit int) int {
	ol := overLimit{limit: limit}
	fl := flagged{weight: 4}
	total := 0
	for _, p := range []Policy{{Name: "limit", Rule: &ol}, {Name: "flag", Rule: &fl}} {
		if s, ok := p.Rule.(Scorer); ok && p.Rule.Match(f) {
			total += s.Score(f)
		}
	}
	return total
}

// Evaluate runs three rules held in a fixed-size array.
func Evaluate(f *Fact, limit int) int {
	ol := overLimit{limit: limit}
	fl := flagged{weight: 1}
	ic := inCountry{codes: []string{"NZ", "AU"}}
	rules := [3]Rule{&ol, &fl, &ic}
	n := 0
	for i := range rules {
		if rules[i].Match(f) {
			n++
		}
	}
	return n
}

// FirstScore asks the first policy of a rule set for a score; the assertion's failure is observed.
func FirstScore(f *Fact) (int, bool) {
	ic := inCountry{codes: []string{"US"}}
	set := []Policy{{Name: "country", Rule: &ic, Points: 2}}
	s, ok := set[0].Rule.(Scorer)
	if !ok {
		return set[0].Points, false
	}
	return s.Score(f), true
}

// Engine keeps its compiled rules between evaluations.
type Engine struct {
	rules []Rule
}

// AddLimit compiles a limit rule into the engine: kept past the call.
func (e *Engine) AddLimit(limit int) bool {
	r := overLimit{limit: limit}
	p := Policy{Name: "limit", Rule: &r}
	e.rules = append(e.rules, p.Rule)
	return p.Rule.Match(&Fact{Amount: limit + 1})
}

// Tighten lowers the rule's limit through another path after the policy stored it.
func Tighten(f *Fact, limit int) bool {
	r := overLimit{limit: limit}
	p := Policy{Name: "limit", Rule: &r}
	lim := &r
	lim.limit /= 2
	return p.Rule.Match(f)
}
