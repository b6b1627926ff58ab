// Package route picks a handler for a path and names it.
package route

import (
	"fmt"
	"strconv"
)

type static struct{ dir string }

func (s *static) String() string { return "static " + s.dir }

type api struct{ version int }

func (a *api) String() string { return "api v" + strconv.Itoa(a.version) }

type match struct {
	pattern string
	handler any
}

// Name names the handler serving path.
func Name(path string) string {
	files := static{dir: "/srv"} // want "moved to heap: files" // declined "m is assigned after its declaration"
	v2 := api{version: 2}        // want "moved to heap: v2"
	m := match{pattern: "/", handler: &files}
	if len(path) > 4 && path[:4] == "/api" {
		m = match{pattern: "/api", handler: &v2}
	}
	return m.pattern + " -> " + m.handler.(fmt.Stringer).String()
}
