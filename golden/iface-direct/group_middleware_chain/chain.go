// Package chain runs a request through a fixed chain of middlewares.
package chain

import "strings"

// Handler transforms a request on its way to the backend.
type Handler interface{ Handle(req string) string }

type upper struct{ prefix string }

func (u *upper) Handle(req string) string { return u.prefix + strings.ToUpper(req) }

type trim struct{ cut string }

func (t *trim) Handle(req string) string { return strings.TrimPrefix(req, t.cut) }

// Chain trims the request, then upper-cases it behind a prefix.
func Chain(req string) string {
	u := upper{prefix: ">"} // want "moved to heap: u"
	t := trim{cut: "x"}     // want "moved to heap: t"
	mws := []any{&t, &u}
	req = mws[0].(Handler).Handle(req)
	return mws[1].(Handler).Handle(req)
}
