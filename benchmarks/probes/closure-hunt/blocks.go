package svc

import (
	"context"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// TryGoThenDefer tries a task, defers a report reading the tag, and renames after the wait.
func TryGoThenDefer(n int) (out string) {
	tag := "a"
	var g errgroup.Group
	var mu sync.Mutex
	var got []string
	if n > 0 {
		ok := g.TryGo(func() error {
			mu.Lock()
			got = append(got, tag)
			mu.Unlock()
			return nil
		})
		defer func() { out += "|deferred:" + tag }()
		if !ok {
			return "busy"
		}
	}
	_ = g.Wait()
	tag = "b"
	return strings.Join(got, ",") + tag
}

// NamedTwiceThenHook starts a named worker twice and stores a hook reading the tag.
func NamedTwiceThenHook(n int) string {
	tag := "a"
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	var hook func() string
	if n > 0 {
		ask := func(b string) {
			defer wg.Done()
			mu.Lock()
			got = append(got, tag+b)
			mu.Unlock()
		}
		wg.Add(2)
		go ask("x")
		go ask("y")
		hook = func() string { return tag }
	}
	wg.Wait()
	tag = "b"
	sort.Strings(got)
	h := ""
	if hook != nil {
		h = hook()
	}
	return strings.Join(got, ",") + tag + h
}

// AfterFuncThenHook registers a context callback and stores a reader.
func AfterFuncThenHook(n int) string {
	tag := "a"
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan string, 1)
	var read func() string
	if n > 0 {
		stop := context.AfterFunc(ctx, func() { done <- tag })
		read = func() string { return tag }
		_ = stop
	}
	cancel()
	got := ""
	if n > 0 {
		got = <-done
	}
	tag = "b"
	if read != nil {
		got += read()
	}
	return got
}

// TryGoThenGo tries a task and starts a reader goroutine in the same block.
func TryGoThenGo(n int) string {
	tag := "a"
	var g errgroup.Group
	res := make(chan string, 1)
	gate := make(chan bool)
	if n > 0 {
		ok := g.TryGo(func() error { _ = tag; return nil })
		go func() { <-gate; res <- tag }()
		_ = ok
	}
	_ = g.Wait()
	tag = "b"
	close(gate)
	if n > 0 {
		return <-res
	}
	return "none"
}
