package mw

import (
	"iter"
	"maps"
	"net/http"
	"slices"
	"sort"
	"strings"
)

// Lister is anything that can list routes; the router and test fakes do.
type Lister interface {
	All() iter.Seq[Route]
}

// All yields every route.
func (rt *Router) All() iter.Seq[Route] {
	return func(yield func(Route) bool) {
		for _, r := range rt.routes {
			if !yield(r) {
				return
			}
		}
	}
}

// Patterns lists the patterns under prefix from any lister; the prefix is
// normalised between listers.
func Patterns(ls []Lister, prefix string) []string {
	var out []string
	for _, l := range ls {
		for r := range l.All() {
			if strings.HasPrefix(r.Pattern, prefix) {
				out = append(out, r.Pattern)
			}
		}
		prefix = strings.TrimSuffix(prefix, "/")
	}
	return out
}

// CountMethod counts the routes of one method across listers; the method is
// upper-cased per lister because fakes differ.
func CountMethod(ls []Lister, method string) int {
	n := 0
	for _, l := range ls {
		for r := range l.All() {
			if r.Method == method {
				n++
			}
		}
		method = strings.ToUpper(method)
	}
	return n
}

// Methods lists the distinct methods of the routes, sorted.
func Methods(rt *Router) []string {
	set := map[string]struct{}{}
	for r := range rt.All() {
		set[r.Method] = struct{}{}
	}
	return slices.Sorted(maps.Keys(set))
}

// HeaderNames returns the header names in h with the given prefix, sorted.
func HeaderNames(h http.Header, prefix string) []string {
	prefix = http.CanonicalHeaderKey(prefix)
	var names []string
	for k := range maps.Keys(h) {
		if strings.HasPrefix(k, prefix) {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return names
}

// walk calls visit for every route; it is the package's own callback API.
func walk(rt *Router, visit func(i int, r Route) bool) {
	for i, r := range rt.routes {
		if !visit(i, r) {
			return
		}
	}
}

// FirstUnder returns the index of the first route under prefix.
func FirstUnder(rt *Router, prefix string) int {
	prefix = strings.TrimSuffix(prefix, "/") + "/"
	found := -1
	walk(rt, func(i int, r Route) bool {
		if strings.HasPrefix(r.Pattern, prefix) {
			found = i
			return false
		}
		return true
	})
	return found
}

// SortRoutes orders routes by pattern, then by method in the given order.
func SortRoutes(rs []Route, order []string) {
	rank := func(m string) int {
		if i := slices.Index(order, m); i >= 0 {
			return i
		}
		return len(order)
	}
	sort.SliceStable(rs, func(a, b int) bool {
		if rs[a].Pattern != rs[b].Pattern {
			return rs[a].Pattern < rs[b].Pattern
		}
		return rank(rs[a].Method) < rank(rs[b].Method)
	})
}

// Describe returns one line per route using the server's describer method value.
func (s *Server) Describe(rt *Router) []string {
	describe := s.describe
	var out []string
	for r := range rt.All() {
		out = append(out, describe(r))
	}
	return out
}

func (s *Server) describe(r Route) string { return r.Method + " " + s.cfg.Prefix + r.Pattern }

// Dispatch calls the handler named by the path's first segment; handlers are method values.
func (s *Server) Dispatch(w http.ResponseWriter, r *http.Request) {
	table := map[string]func(http.ResponseWriter, *http.Request){
		"health": s.health,
		"info":   s.info,
	}
	seg, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if h, ok := table[seg]; ok {
		h(w, r)
		return
	}
	http.NotFound(w, r)
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }
func (s *Server) info(w http.ResponseWriter, r *http.Request)   { w.Write([]byte(s.cfg.Addr)) }
