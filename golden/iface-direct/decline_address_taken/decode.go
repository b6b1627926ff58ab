// Package decode fills a target through a pointer to its interface holder.
package decode

import "fmt"

type version struct{ major, minor int }

func (v *version) String() string { return fmt.Sprint(v.major, ".", v.minor) }

func fill(dst *any) {
	if v, ok := (*dst).(*version); ok {
		v.major = 1
	}
}

// Current returns the current version as text.
func Current() string {
	var v version // want "moved to heap: v" // declined "address of target is taken"
	var target any = &v
	fill(&target)
	return target.(fmt.Stringer).String()
}
