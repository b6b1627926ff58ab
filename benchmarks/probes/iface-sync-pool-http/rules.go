package probe43

import (
	"errors"
	"fmt"
	"strings"
)

// Request is what the rule engine looks at.
type Request struct {
	Path   string
	Method string
	Size   int
	Header map[string]string
}

// Condition matches requests.
type Condition interface {
	Match(r *Request) bool
}

// Action acts on a matched request.
type Action interface {
	Apply(r *Request) string
}

// Describer is the optional interface rules use for their explanation.
type Describer interface {
	Describe() string
}

type pathPrefix struct{ prefix string }

func (c *pathPrefix) Match(r *Request) bool { return strings.HasPrefix(r.Path, c.prefix) }
func (c *pathPrefix) Describe() string       { return "path starts with " + c.prefix }

type maxSize struct{ limit int }

func (c *maxSize) Match(r *Request) bool { return r.Size > c.limit }

type reject struct{ code int }

func (a *reject) Apply(r *Request) string { return fmt.Sprintf("reject %d", a.code) }

type rewrite struct{ to string }

func (a *rewrite) Apply(r *Request) string {
	r.Path = a.to
	return "rewrite " + a.to
}

// Rule pairs a condition with an action.
type Rule struct {
	Name string
	When Condition
	Then Action
}

// Evaluate runs the rule set for one request.
func Evaluate(rules []Rule, r *Request) []string {
	var out []string
	for _, rl := range rules {
		if rl.When.Match(r) {
			out = append(out, rl.Name+": "+rl.Then.Apply(r))
		}
	}
	return out
}

// BlockAdmin applies the built-in admin rule to one request.
func BlockAdmin(r *Request) string {
	cond := pathPrefix{prefix: "/admin"}
	act := reject{code: 403}
	rule := Rule{Name: "admin", When: &cond, Then: &act}
	if rule.When.Match(r) {
		return rule.Then.Apply(r)
	}
	return "pass"
}

// Explain describes the rule's condition when it can.
func Explain(prefix string) string {
	cond := pathPrefix{prefix: prefix}
	rule := Rule{Name: "prefix", When: &cond}
	if d, ok := rule.When.(Describer); ok {
		return rule.Name + ": " + d.Describe()
	}
	return rule.Name
}

// Limit checks the size limit and rewrites oversized uploads.
func Limit(r *Request, limit int) string {
	cond := maxSize{limit: limit}
	act := rewrite{to: "/too-large"}
	checks := []any{&cond, &act}
	if checks[0].(Condition).Match(r) {
		return checks[1].(Action).Apply(r)
	}
	return ""
}

// State is one state of a connection's state machine.
type State interface {
	Next(ev string) State
	Name() string
}

// Terminal marks states that end the machine.
type Terminal interface {
	Final() bool
}

type idle struct{ seen int }

func (s *idle) Next(ev string) State {
	s.seen++
	if ev == "open" {
		return &open{}
	}
	return s
}
func (s *idle) Name() string { return "idle" }

type open struct{ bytes int }

func (s *open) Next(ev string) State {
	if ev == "close" {
		return &closed{}
	}
	s.bytes++
	return s
}
func (s *open) Name() string { return "open" }

type closed struct{}

func (s *closed) Next(string) State { return s }
func (s *closed) Name() string      { return "closed" }
func (s *closed) Final() bool       { return true }

// Run drives the machine through events.
func Run(events []string) string {
	var st State = &idle{}
	for _, ev := range events {
		st = st.Next(ev)
		if t, ok := st.(Terminal); ok && t.Final() {
			break
		}
	}
	return st.Name()
}

// IsFinal reports whether a fresh idle state is terminal.
func IsFinal() bool {
	s := idle{}
	var st State = &s
	_, ok := st.(Terminal)
	return ok
}

// StateName names the state a machine starts in.
func StateName(seen int) string {
	s := idle{seen: seen}
	var st State = &s
	switch v := st.(type) {
	case Terminal:
		return "final"
	case *idle:
		return fmt.Sprintf("%s after %d", v.Name(), v.seen)
	}
	return st.Name()
}

// ValidationError is one failed field.
type ValidationError struct {
	Field string
	Msg   string
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Msg }

// Validator checks a request.
type Validator interface {
	Validate(r *Request) error
}

type methodAllowed struct{ allowed []string }

func (v *methodAllowed) Validate(r *Request) error {
	for _, m := range v.allowed {
		if m == r.Method {
			return nil
		}
	}
	return &ValidationError{Field: "method", Msg: "not allowed"}
}

type pathClean struct{}

func (v *pathClean) Validate(r *Request) error {
	if strings.Contains(r.Path, "..") {
		return &ValidationError{Field: "path", Msg: "not clean"}
	}
	return nil
}

// ValidateRequest runs the fixed validators.
func ValidateRequest(r *Request) error {
	ma := methodAllowed{allowed: []string{"GET", "POST"}}
	pc := pathClean{}
	validators := []Validator{&ma, &pc}
	var errs []error
	for _, v := range validators {
		if err := v.Validate(r); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// FieldOf returns the failed field of a validation error.
func FieldOf(err error) string {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Field
	}
	return ""
}

// CheckPath validates one path, reporting which field failed.
func CheckPath(path string) string {
	pc := pathClean{}
	opts := struct {
		V    Validator
		Name string
	}{V: &pc, Name: "path"}
	if err := opts.V.Validate(&Request{Path: path}); err != nil {
		return opts.Name + " " + err.Error()
	}
	return "ok"
}
