package gateway

import (
	"errors"
	"strings"

	"example.com/freshgw/limits"
)

var errTooDeep = errors.New("gateway: path too deep")

// Route is one registered path pattern.
type Route struct {
	Pattern string
	Backend string
	Methods []string
}

// splitPath splits a URL path into its segments, refusing paths deeper than the router handles.
func splitPath(path string) ([]string, error) {
	n := strings.Count(path, "/")
	if n > limits.MaxPathDepth {
		return nil, errTooDeep
	}
	segs := make([]string, 0, n)
	for _, s := range strings.Split(strings.Trim(path, "/"), "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	return segs, nil
}

// matchDepth reports how many leading segments of path match the pattern.
func matchDepth(pattern, path string) int {
	n := strings.Count(pattern, "/")
	if n > limits.MaxPathDepth {
		n = limits.MaxPathDepth
	}
	parts := make([]string, n)
	copy(parts, strings.Split(pattern, "/"))
	depth := 0
	for i, seg := range strings.Split(path, "/") {
		if i >= len(parts) || (parts[i] != seg && parts[i] != "*") {
			break
		}
		depth++
	}
	return depth
}

// Router picks the route whose pattern matches the longest prefix.
type Router struct {
	routes []Route
}

// Add registers a route.
func (r *Router) Add(rt Route) { r.routes = append(r.routes, rt) }

// Lookup returns the backend for a path and whether one matched.
func (r *Router) Lookup(path string) (string, bool) {
	best, bestDepth := "", 0
	for i := range r.routes {
		if d := matchDepth(r.routes[i].Pattern, path); d > bestDepth {
			best, bestDepth = r.routes[i].Backend, d
		}
	}
	return best, bestDepth > 0
}

// allowsMethod reports whether the route accepts the method.
func allowsMethod(rt *Route, method string) bool {
	var upper [8]byte
	if len(method) > len(upper) {
		return false
	}
	m := make([]byte, len(method))
	for i := 0; i < len(method); i++ {
		c := method[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		m[i] = c
	}
	for _, x := range rt.Methods {
		if x == string(m) {
			return true
		}
	}
	return false
}

// canonicalPath lower-cases a path and collapses repeated slashes into a fixed buffer.
func canonicalPath(path string) string {
	if len(path) > 128 {
		return strings.ToLower(path)
	}
	out := make([]byte, 0, len(path))
	prev := byte(0)
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c == '/' && prev == '/' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out = append(out, c)
		prev = c
	}
	return string(out)
}

// segmentKey joins the first k segments with a NUL for a cache key.
func segmentKey(segs []string, k int) string {
	k = min(k, limits.MaxPathDepth)
	k = min(k, len(segs))
	idx := make([]int, k)
	total := 0
	for i := 0; i < k; i++ {
		total += len(segs[i]) + 1
		idx[i] = total
	}
	var b strings.Builder
	b.Grow(total)
	for i := 0; i < k; i++ {
		b.WriteString(segs[i])
		b.WriteByte(0)
	}
	return b.String()
}
