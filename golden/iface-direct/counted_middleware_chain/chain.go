// Package reverse wraps a request handler in middlewares, the first listed outermost.
package reverse

import "strings"

// Handler serves one request.
type Handler interface{ Serve(req string) string }

// Middleware wraps a handler in another.
type Middleware interface{ Wrap(h Handler) Handler }

type echo struct{}

func (echo) Serve(req string) string { return req }

type upper struct{ next Handler }

func (u upper) Serve(req string) string { return u.next.Serve(strings.ToUpper(req)) }

// upperMW upper-cases requests and counts the handlers it wrapped.
type upperMW struct{ wrapped int }

func (m *upperMW) Wrap(h Handler) Handler {
	m.wrapped++
	return upper{next: h}
}

type trimmed struct{ next Handler }

func (t trimmed) Serve(req string) string { return t.next.Serve(strings.TrimSpace(req)) }

// trimMW trims requests and counts the handlers it wrapped.
type trimMW struct{ wrapped int }

func (m *trimMW) Wrap(h Handler) Handler {
	m.wrapped++
	return trimmed{next: h}
}

// Build wraps echo in the middlewares, applied last to first so the first listed runs first.
func Build() (Handler, int) {
	var up upperMW  // want "moved to heap: up"
	var trim trimMW // want "moved to heap: trim"
	mws := []Middleware{&trim, &up}
	var h Handler = echo{}
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i].Wrap(h)
	}
	return h, up.wrapped + trim.wrapped
}
