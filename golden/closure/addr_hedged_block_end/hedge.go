// Package hedge sends a request to a primary backend and, when it is slow to answer, to a
// secondary one too.
package hedge

import (
	"context"
	"time"
)

// Options tunes a hedged request.
type Options struct {
	Method string
	Hedge  time.Duration
}

func (o *Options) defaults() {
	if o.Method == "" {
		o.Method = "GET"
	}
	if o.Hedge <= 0 {
		o.Hedge = 50 * time.Millisecond
	}
}

// Backend answers one request.
type Backend func(ctx context.Context, method, key string) string

// Hedged asks primary first and, when it has not answered within the hedge delay, secondary too;
// the first answer wins. defaults takes opts' address before the literal is made, and the call
// keeps nothing; nothing writes opts afterwards, so a copy keeps it off the heap. opts is a
// parameter, so the copy needs a block of its own, and `ask :=` declares a name the rest of the
// function uses: the block reaches to the end of the body.
func Hedged(ctx context.Context, primary, secondary Backend, key string, opts Options) string { // want "moved to heap: opts"
	opts.defaults()
	replies := make(chan string, 2)
	ask := func(b Backend) { // want "func literal escapes to heap"
		replies <- b(ctx, opts.Method, key)
	}
	go ask(primary)
	select {
	case r := <-replies:
		return r
	case <-time.After(opts.Hedge):
	}
	go ask(secondary)
	return <-replies
}
