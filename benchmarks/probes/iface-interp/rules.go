package interp

// Fact is one observation a rule engine matches against.
type Fact struct {
	Name  string
	Value int
}

type Condition interface{ Match(Fact) bool }

type Action interface{ Fire(ag *Agenda) }

type Agenda struct{ fired []string }

type Rule struct {
	Name string
	When Condition
	Then Action
}

type Above struct {
	Name string
	Min  int
}

type Below struct {
	Name string
	Max  int
}

type Alert struct {
	Level string
	n     int
}

func (a *Above) Match(f Fact) bool { return f.Name == a.Name && f.Value > a.Min }
func (b *Below) Match(f Fact) bool { return f.Name == b.Name && f.Value < b.Max }
func (a *Alert) Fire(ag *Agenda) {
	a.n++
	ag.fired = append(ag.fired, a.Level)
}
func (a *Above) Salience() int { return a.Min }

// Overheat runs one rule against a fact and counts the alerts it fired.
func Overheat(f Fact) int {
	hot := Above{Name: "temp", Min: 80}
	page := Alert{Level: "page"}
	r := Rule{Name: "overheat", When: &hot, Then: &page}
	var ag Agenda
	if r.When.Match(f) {
		r.Then.Fire(&ag)
	}
	return page.n + len(ag.fired)
}

// FireAll runs every rule of a small rule set against a fact.
func FireAll(f Fact) int {
	hot := Above{Name: "temp", Min: 80}
	cold := Below{Name: "temp", Max: 5}
	var page, note Alert
	page.Level, note.Level = "page", "note"
	rules := []Rule{
		{Name: "hot", When: &hot, Then: &page},
		{Name: "cold", When: &cold, Then: &note},
	}
	var ag Agenda
	for _, r := range rules {
		if r.When.Match(f) {
			r.Then.Fire(&ag)
		}
	}
	return len(ag.fired)
}

// Salience orders a rule by its condition's salience, when it has one.
func Salience(min int) int {
	c := Above{Name: "load", Min: min}
	page := Alert{Level: "page"}
	r := Rule{Name: "load", When: &c, Then: &page}
	if s, ok := r.When.(interface{ Salience() int }); ok {
		return s.Salience()
	}
	return 0
}

// AnyMatch reports whether any of the conditions matches the fact.
func AnyMatch(f Fact) bool {
	hot := Above{Name: "temp", Min: 80}
	cold := Below{Name: "temp", Max: 5}
	for _, c := range []Condition{&hot, &cold} {
		if c.Match(f) {
			return true
		}
	}
	return false
}

type ruleSet struct{ rules []Rule }

func (s *ruleSet) add(r Rule) { s.rules = append(s.rules, r) }

// Register adds a rule to a set the engine keeps: a real escape.
func Register(s *ruleSet, min int) bool {
	c := Above{Name: "load", Min: min}
	var page Alert
	r := Rule{Name: "load", When: &c, Then: &page}
	s.add(r)
	_, ok := r.When.(*Above)
	return ok
}
