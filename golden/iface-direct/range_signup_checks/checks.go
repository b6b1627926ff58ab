// Package checks validates a signup form against the site's rules, collecting every problem.
package checks

import (
	"fmt"
	"strings"
)

// Form is what the signup page posts.
type Form struct {
	Email, Password string
	Age             int
}

// Check reports what is wrong with one part of the form, or "" when nothing is.
type Check interface {
	Check(f *Form) string
}

// Length bounds the password's length.
type Length struct{ min, max int }

func (l *Length) Check(f *Form) string {
	if n := len(f.Password); n < l.min || n > l.max {
		return fmt.Sprintf("password: %d characters, want %d to %d", n, l.min, l.max)
	}
	return ""
}

// Domain refuses email addresses of blocked domains.
type Domain struct{ blocked []string }

func (d *Domain) Check(f *Form) string {
	for _, b := range d.blocked {
		if strings.HasSuffix(f.Email, "@"+b) {
			return "email: domain " + b + " is blocked"
		}
	}
	return ""
}

// Problems lists every rule the form breaks, numbered, stopping at limit problems.
func Problems(f *Form, blocked []string, limit int) []string {
	length := Length{8, 64}       // want "moved to heap: length"
	domain := Domain{blocked}     // want "moved to heap: domain"
	adult := Length{f.Age, f.Age} // want "moved to heap: adult"
	var out []string
	for i, c := range []Check{&length, &domain, &adult} {
		msg := c.Check(f)
		if msg == "" {
			continue
		}
		if len(out) == limit {
			return out
		}
		out = append(out, fmt.Sprintf("%d: %s", i+1, msg))
	}
	return out
}
