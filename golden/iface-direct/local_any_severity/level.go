// Package level names log levels through a local any, as code written for a generic registry did.
package level

import "fmt"

type severity struct{ n int }

func (s *severity) String() string { return [...]string{"debug", "info", "warn"}[s.n%3] }

// Name names the level n.
func Name(n int) string {
	s := severity{n: n} // want(<go1.26) "moved to heap: s"
	var v any = &s      // registries take any
	return v.(fmt.Stringer).String()
}
