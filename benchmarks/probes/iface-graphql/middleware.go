package gql

import "strings"

// FieldMiddleware wraps a resolver call, as gqlgen's field middleware does.
type FieldMiddleware interface {
	Around(path string, next func() string) string
}

type tracer struct{ spans int }

func (t *tracer) Around(path string, next func() string) string {
	t.spans++
	return next()
}

type recoverer struct{ fallback string }

func (r *recoverer) Around(path string, next func() string) (out string) {
	defer func() {
		if recover() != nil {
			out = r.fallback
		}
	}()
	return next()
}

type lowercaser struct{}

func (lowercaser) Around(path string, next func() string) string { return strings.ToLower(next()) }

// Chain runs a resolver through a middleware chain stored as []any, as a plugin list is.
func Chain(path string) string {
	tr := tracer{}
	rc := recoverer{fallback: "null"}
	mws := []any{&tr, &rc}
	out := mws[1].(FieldMiddleware).Around(path, func() string { return path })
	return mws[0].(FieldMiddleware).Around(path, func() string { return out })
}

// ChainLower runs a value middleware and a pointer one, indexed by named positions.
func ChainLower(path string) string {
	const (
		outer = 0
		inner = 1
	)
	tr := tracer{}
	mws := [2]any{outer: &tr, inner: lowercaser{}}
	v := mws[inner].(FieldMiddleware).Around(path, func() string { return path })
	return mws[outer].(FieldMiddleware).Around(path, func() string { return v })
}

// ChainAll wraps a resolver with every middleware of the chain, last to first.
func ChainAll(path string) string {
	tr := tracer{}
	rc := recoverer{fallback: "null"}
	mws := []FieldMiddleware{&tr, &rc}
	out := path
	for i := len(mws) - 1; i >= 0; i-- {
		prev := out
		out = mws[i].Around(path, func() string { return prev + "." })
	}
	return out
}

// ChainSpans counts the spans a tracer recorded: the tracer is read after the chain ran.
func ChainSpans(path string) (string, int) {
	tr := tracer{}
	mws := []any{&tr}
	out := mws[0].(FieldMiddleware).Around(path, func() string { return path })
	return out, tr.spans
}

// ChainConfigured picks a middleware by the caller's index: it may be either one.
func ChainConfigured(path string, i int) string {
	tr := tracer{}
	rc := recoverer{fallback: "null"}
	mws := []any{&tr, &rc}
	return mws[i].(FieldMiddleware).Around(path, func() string { return path })
}

// Installed is the server's middleware list: a chain stored there outlives the call.
var Installed []any

// Install appends the tracer to the server's chain and runs it once.
func Install(path string) string {
	tr := tracer{}
	mws := []any{&tr}
	Installed = mws
	return mws[0].(FieldMiddleware).Around(path, func() string { return path })
}
