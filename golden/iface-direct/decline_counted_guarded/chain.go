// Package guarded wraps a handler in the middlewares a configured depth allows.
package guarded

// Handler serves one request.
type Handler interface{ Serve(req string) string }

// Middleware wraps a handler in another.
type Middleware interface{ Wrap(h Handler) Handler }

type echo struct{}

func (echo) Serve(req string) string { return req }

type tagged struct {
	tag  string
	next Handler
}

func (t tagged) Serve(req string) string { return t.tag + t.next.Serve(req) }

// tagMW prefixes responses with its tag.
type tagMW struct{ tag string }

func (m *tagMW) Wrap(h Handler) Handler { return tagged{tag: m.tag, next: h} }

// Build wraps echo in at most depth middlewares; a depth past the list wraps in all of them.
func Build(depth int) string {
	a := tagMW{tag: "a"} // want "moved to heap: a" // declined "which element is not known here"
	b := tagMW{tag: "b"} // want "moved to heap: b" // declined "which element is not known here"
	mws := []Middleware{&a, &b}
	var h Handler = echo{}
	for i := 0; i < depth; i++ {
		if i < len(mws) {
			h = mws[i].Wrap(h)
		}
	}
	return h.Serve("!")
}
