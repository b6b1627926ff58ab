// Package retry reports the backoff of a retry policy.
package retry

import (
	"fmt"
	"strconv"
)

type backoff struct{ ms int }

func (b *backoff) String() string { return strconv.Itoa(b.ms) + "ms" }

type policy struct {
	name  string
	delay any
}

// Describe describes the first backoff of a policy, and the doubled one.
func Describe(ms int) string {
	b := backoff{ms: ms} // want "moved to heap: b" // declined "another b is declared in the function"
	p := policy{name: "exp", delay: &b}
	out := p.name
	{
		b := backoff{ms: 2 * ms}
		out += " " + b.String()
	}
	return out + " " + p.delay.(fmt.Stringer).String()
}
