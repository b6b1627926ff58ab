package p6

import (
	"errors"
	"fmt"
)

type codes struct{}

func (codes) New(s string) error { return errors.New("CODES " + s) }

// LocalErrors shadows errors in the enclosing function of the literal.
func LocalErrors(name string) error {
	errors := codes{}
	_ = errors
	f := func() error { return fmt.Errorf("missing %s", name) }
	return run(f)
}

// LocalErrorsRange shadows errors by a range variable.
func LocalErrorsRange(names []string) error {
	var last error
	for _, errors := range []codes{{}} {
		_ = errors
		for _, n := range names {
			last = fmt.Errorf("missing %s", n)
		}
	}
	return last
}

//go:noinline
func run[T any](f func() T) T { return f() }
