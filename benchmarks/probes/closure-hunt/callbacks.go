package svc

import (
	"strings"
)

var pendingHooks []func()

func register(f func()) { pendingHooks = append(pendingHooks, func() { f() }) }

func runHooks() {
	for _, h := range pendingHooks {
		h()
	}
	pendingHooks = nil
}

// RegisterThenRename registers a hook, renames, then runs the hooks.
func RegisterThenRename(items []string) string {
	var b strings.Builder
	tag := "a"
	for _, it := range items {
		register(func() { b.WriteString(tag + it + ";") })
	}
	tag = "b"
	runHooks()
	return b.String()
}

func wrap(f func(string) string) func(string) string {
	return func(s string) string { return "[" + f(s) + "]" }
}

// WrapThenRename wraps a formatter, renames, then formats.
func WrapThenRename(items []string) string {
	tag := "a"
	var out []string
	var fs []func(string) string
	for range items {
		fs = append(fs, wrap(func(s string) string { return tag + s }))
	}
	tag = "b"
	for i, f := range fs {
		out = append(out, f(items[i]))
	}
	return strings.Join(out, ",")
}

type bus struct{ subs []func(string) }

func (b *bus) on(f func(string)) { b.subs = append(b.subs, func(s string) { f(s) }) }

func (b *bus) emit(s string) {
	for _, f := range b.subs {
		f(s)
	}
}

// BusRename subscribes, renames, then emits.
func BusRename(items []string) string {
	var bs bus
	var sb strings.Builder
	tag := "a"
	for range items {
		bs.on(func(s string) { sb.WriteString(tag + s + ";") })
	}
	tag = "b"
	for _, it := range items {
		bs.emit(it)
	}
	return sb.String()
}

var slot func()

func keepViaVar(f func()) {
	g := func() { f() }
	slot = g
}

// SlotRename keeps a callback via a local alias of a literal.
func SlotRename(n string) string {
	out := ""
	tag := "a"
	for i := 0; i < 1; i++ {
		keepViaVar(func() { out = tag + n })
	}
	tag = "b"
	slot()
	return out
}

func viaChan(f func()) {
	ch := make(chan func(), 1)
	ch <- f
	pendingHooks = append(pendingHooks, <-ch)
}

// ChanRename passes a callback through a channel into the hooks.
func ChanRename(n string) string {
	out := ""
	tag := "a"
	for i := 0; i < 1; i++ {
		viaChan(func() { out = tag + n })
	}
	tag = "b"
	runHooks()
	return out
}
