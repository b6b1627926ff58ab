package mw

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// Route is one registered pattern.
type Route struct {
	Method  string
	Pattern string
	Handler http.Handler
}

// Router is a small method-aware router over a list of routes.
type Router struct {
	routes   []Route
	notFound http.Handler
	mws      []func(http.Handler) http.Handler
}

// Handle registers h for method and pattern, replacing an earlier registration.
func (rt *Router) Handle(method, pattern string, h http.Handler) {
	i := slices.IndexFunc(rt.routes, func(r Route) bool {
		return r.Method == method && r.Pattern == pattern
	})
	if i >= 0 {
		rt.routes[i].Handler = h
		return
	}
	rt.routes = append(rt.routes, Route{Method: method, Pattern: pattern, Handler: h})
}

// HandleFunc registers f.
func (rt *Router) HandleFunc(method, pattern string, f func(http.ResponseWriter, *http.Request)) {
	rt.Handle(method, pattern, http.HandlerFunc(f))
}

// Use appends middleware applied to every route at serve time.
func (rt *Router) Use(mw ...func(http.Handler) http.Handler) {
	rt.mws = append(rt.mws, mw...)
}

// Remove drops every route under prefix and reports how many went.
func (rt *Router) Remove(prefix string) int {
	before := len(rt.routes)
	prefix = strings.TrimSuffix(prefix, "/")
	rt.routes = slices.DeleteFunc(rt.routes, func(r Route) bool {
		return r.Pattern == prefix || strings.HasPrefix(r.Pattern, prefix+"/")
	})
	return before - len(rt.routes)
}

// Allowed lists the methods registered for a path, for a 405's Allow header.
func (rt *Router) Allowed(path string) string {
	seen := map[string]bool{}
	for _, r := range rt.routes {
		if r.Pattern == path {
			seen[r.Method] = true
		}
	}
	return strings.Join(slices.Sorted(maps.Keys(seen)), ", ")
}

// Has reports whether any route matches method and path, case-insensitively for the method.
func (rt *Router) Has(method, path string) bool {
	method = strings.ToUpper(method)
	return slices.ContainsFunc(rt.routes, func(r Route) bool {
		return r.Method == method && r.Pattern == path
	})
}

// ServeHTTP finds the route and serves it through the middleware.
func (rt *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	i := slices.IndexFunc(rt.routes, func(r Route) bool {
		return r.Method == req.Method && r.Pattern == req.URL.Path
	})
	var h http.Handler
	if i < 0 {
		h = rt.notFound
		if h == nil {
			h = http.NotFoundHandler()
		}
	} else {
		h = rt.routes[i].Handler
	}
	for j := len(rt.mws) - 1; j >= 0; j-- {
		h = rt.mws[j](h)
	}
	h.ServeHTTP(w, req)
}

// Group registers routes under a common prefix.
type Group struct {
	rt     *Router
	prefix string
}

// Group returns a group for prefix.
func (rt *Router) Group(prefix string) *Group {
	return &Group{rt: rt, prefix: strings.TrimSuffix(prefix, "/")}
}

// Get registers a GET handler in the group.
func (g *Group) Get(pattern string, f http.HandlerFunc) {
	g.rt.Handle(http.MethodGet, g.prefix+pattern, f)
}

// Mount registers a static text response for each page, prefixed by base; the base
// is normalised first.
func Mount(rt *Router, base string, pages map[string]string) {
	if !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	base = strings.TrimSuffix(base, "/")
	for name, body := range pages {
		rt.HandleFunc(http.MethodGet, base+"/"+name, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "%s: %s", base, body)
		})
	}
}

// Versioned registers one handler per version; each reports the version it serves.
// The router's banner is set once all are registered.
func Versioned(rt *Router, versions []string, banner string) string {
	current := ""
	for _, v := range versions {
		current = v
		rt.HandleFunc(http.MethodGet, "/"+v+"/version", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, banner+" "+current)
		})
	}
	banner = strings.ToUpper(banner)
	return banner
}

// Aliases registers each alias to redirect to target; the redirect code is chosen
// after the handlers are registered and the handlers read it when they run.
func Aliases(rt *Router, target string, aliases []string, permanent bool) {
	code := http.StatusFound
	for _, a := range aliases {
		rt.HandleFunc(http.MethodGet, a, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, target, code)
		})
	}
	if permanent {
		code = http.StatusMovedPermanently
	}
}

// Health registers a health handler reporting how many checks ran; the count is
// kept by the handler.
func Health(rt *Router) {
	checks := 0
	rt.HandleFunc(http.MethodGet, "/healthz", func(w http.ResponseWriter, r *http.Request) {
		checks++
		fmt.Fprintf(w, "ok %d", checks)
	})
}
