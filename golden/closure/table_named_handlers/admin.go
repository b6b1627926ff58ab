// Package admin serves a small admin endpoint: one handler per action, chosen by a query parameter.
package admin

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// Console holds the flags the admin endpoint shows and toggles.
type Console struct {
	flags map[string]bool
}

func (c *Console) list(w http.ResponseWriter, r *http.Request) {
	names := make([]string, 0, len(c.flags)) // want(<go1.25) "escapes to heap"
	for n := range c.flags {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprint(w, strings.Join(names, ",")) // want "escapes to heap"
}

func (c *Console) toggle(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("flag")
	c.flags[name] = !c.flags[name]
	fmt.Fprintf(w, "%s=%v", name, c.flags[name]) // want "escapes to heap"
}

func (c *Console) help(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, "actions: list, toggle") // want "escapes to heap"
}

// ServeHTTP runs the action the query names, or help for an unknown one.
func (c *Console) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	actions := map[string]http.HandlerFunc{
		"list":   c.list,   // want "c.list escapes to heap"
		"toggle": c.toggle, // want "c.toggle escapes to heap"
		"help":   c.help,   // want "c.help escapes to heap"
	}
	act, ok := actions[r.URL.Query().Get("action")]
	if !ok {
		act = actions["help"]
	}
	act(w, r)
}
