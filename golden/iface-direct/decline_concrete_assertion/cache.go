// Package cache reads a counter back from a typed slot, and keeps it in a global: it escapes anyway.
package cache

type hits struct{ n int }

func (h *hits) Inc() { h.n++ }

type slot struct {
	name string
	val  any
}

var last *hits

// Touch counts one hit and remembers the counter.
func Touch() string {
	h := hits{} // want "moved to heap: h" // declined "c is stored in last (line 21): the converted value would still leave the function"
	s := slot{name: "hits", val: &h}
	c := s.val.(*hits)
	c.Inc()
	last = c
	return s.name
}
