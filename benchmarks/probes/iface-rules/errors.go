package rules

import (
	"errors"
	"strconv"
)

// RuleError reports a rule that could not be evaluated.
type RuleError struct {
	Rule string
	Code int
}

func (e *RuleError) Error() string { return "rule " + e.Rule + ": code " + strconv.Itoa(e.Code) }

// MissingAttr reports an attribute a rule needs and the request lacks.
type MissingAttr struct{ Attr string }

func (e MissingAttr) Error() string { return "missing attribute " + e.Attr }

// Check validates a rule name and returns a *RuleError for a bad one.
func Check(name string) error {
	if name == "" {
		return &RuleError{Rule: name, Code: 400}
	}
	return nil
}

// CodeOf digs the code out of an error chain.
func CodeOf(err error) int {
	var re *RuleError
	if errors.As(err, &re) {
		return re.Code
	}
	return 0
}

// ValidateCode builds the rule's error locally and reads its code back.
func ValidateCode(name string, code int) int {
	e := RuleError{Rule: name, Code: code}
	var err error = &e
	if re, ok := err.(*RuleError); ok {
		return re.Code
	}
	return -1
}

// MissingName reports the attribute of a missing-attribute error.
func MissingName(attr string) string {
	m := MissingAttr{Attr: attr}
	errs := []error{m, nil}
	if me, ok := errs[0].(MissingAttr); ok {
		return me.Attr
	}
	return ""
}

// FirstFailure returns the first of a rule's checks that failed.
func FirstFailure(name string, attrs ...string) error {
	re := RuleError{Rule: name, Code: 422}
	var err error
	for _, a := range attrs {
		if a == "" {
			err = &re
			break
		}
	}
	if e, ok := err.(*RuleError); ok {
		return e
	}
	return nil
}

// IsMissing reports whether err is a missing-attribute error.
func IsMissing(err error) bool {
	var m MissingAttr
	return errors.As(err, &m)
}
