package plugins

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Validator checks one field's value.
type Validator interface {
	Validate(v string) error
}

type maxLen struct{ n int }

func (m *maxLen) Validate(v string) error {
	if utf8.RuneCountInString(v) > m.n {
		return errors.New("too long")
	}
	return nil
}

type notBlank struct{ field string }

func (n *notBlank) Validate(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New(n.field + " is blank")
	}
	return nil
}

type oneOf struct{ allowed []string }

func (o *oneOf) Validate(v string) error {
	for _, a := range o.allowed {
		if a == v {
			return nil
		}
	}
	return errors.New("not allowed")
}

// FieldSpec says how a form field is validated.
type FieldSpec struct {
	Field    string
	Check    Validator
	Required bool
	Max      int
}

// CheckName validates a user name with an inline spec.
func CheckName(name string) error {
	ml := maxLen{n: 32}
	spec := FieldSpec{Field: "name", Check: &ml, Required: true}
	if spec.Required && name == "" {
		return errors.New("name is required")
	}
	return spec.Check.Validate(name)
}

// CheckTitle validates a title against the spec's maximum.
func CheckTitle(title string) error {
	nb := notBlank{field: "title"}
	spec := FieldSpec{Field: "title", Check: &nb, Max: 80}
	if len(title) > spec.Max {
		return errors.New("title too long")
	}
	return spec.Check.Validate(title)
}

// CheckAll runs the validators of a literal form in order.
func CheckAll(name, role string) error {
	ml := maxLen{n: 16}
	oo := oneOf{allowed: []string{"admin", "viewer"}}
	for _, s := range []FieldSpec{{Field: "name", Check: &ml}, {Field: "role", Check: &oo}} {
		v := name
		if s.Field == "role" {
			v = role
		}
		if err := s.Check.Validate(v); err != nil {
			return err
		}
	}
	return nil
}

// CheckRole validates a role through a validator map read by a constant key.
func CheckRole(role string) error {
	oo := oneOf{allowed: []string{"admin", "viewer", "editor"}}
	nb := notBlank{field: "role"}
	checks := map[string]Validator{"enum": &oo, "blank": &nb}
	if err := checks["blank"].Validate(role); err != nil {
		return err
	}
	return checks["enum"].Validate(role)
}

// Explain returns the validator itself in its error: it outlives the call.
func Explain(v string) (error, Validator) {
	ml := maxLen{n: 4}
	spec := FieldSpec{Field: "code", Check: &ml}
	return spec.Check.Validate(v), spec.Check
}
