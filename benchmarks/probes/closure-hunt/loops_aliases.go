// Package svc holds service-like helpers whose goroutines and callbacks capture locals.
package svc

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// GotoHooks builds labelled renderers in a goto loop; every hook sees the final prefix.
func GotoHooks(names []string) string {
	var hooks []func() string
	prefix := ""
	i := 0
next:
	if i < len(names) {
		prefix = prefix + "-"
		n := names[i]
		hooks = append(hooks, func() string { return prefix + n })
		i++
		goto next
	}
	var out []string
	for _, h := range hooks {
		out = append(out, h())
	}
	return strings.Join(out, ",")
}

// GotoFeed feeds a single consumer; the consumer reads cur after each handshake.
func GotoFeed(vals []int) string {
	if len(vals) == 0 {
		return ""
	}
	in := make(chan bool)
	ack := make(chan bool)
	done := make(chan string)
	cur := 0
	i := 0
	started := false
loop:
	cur = vals[i]
	if !started {
		started = true
		go func() {
			var b strings.Builder
			for range in {
				fmt.Fprint(&b, cur, ";")
				ack <- true
			}
			done <- b.String()
		}()
	}
	in <- true
	<-ack
	i++
	if i < len(vals) {
		goto loop
	}
	close(in)
	return <-done
}

type counter struct{ n int }

func (c *counter) bump() { c.n++ }

// MethodValueBump bumps a counter through a method value bound before the reader starts.
func MethodValueBump(k int) string {
	var c counter
	bump := c.bump
	in := make(chan bool)
	ack := make(chan bool)
	done := make(chan string)
	go func() {
		var b strings.Builder
		for range in {
			fmt.Fprint(&b, c.n, ";")
			ack <- true
		}
		done <- b.String()
	}()
	for j := 0; j < k; j++ {
		bump()
		in <- true
		<-ack
	}
	close(in)
	return <-done
}

type holder struct{ p *int }

// HeldPointer writes through a pointer kept in a struct before the reader starts.
func HeldPointer(k int) string {
	x := 0
	h := holder{p: &x}
	in := make(chan bool)
	ack := make(chan bool)
	out := make(chan string)
	go func() {
		var b strings.Builder
		for range in {
			fmt.Fprint(&b, x, ";")
			ack <- true
		}
		out <- b.String()
	}()
	for j := 0; j < k; j++ {
		*h.p = j * 3
		in <- true
		<-ack
	}
	close(in)
	return <-out
}

// SliceAlias writes an array through a slice taken before the reader starts.
func SliceAlias(k int) string {
	var arr [3]int
	s := arr[:]
	in := make(chan bool)
	ack := make(chan bool)
	out := make(chan string)
	go func() {
		var b strings.Builder
		for range in {
			fmt.Fprint(&b, arr[0], ";")
			ack <- true
		}
		out <- b.String()
	}()
	for j := 0; j < k; j++ {
		s[0] = j + 10
		in <- true
		<-ack
	}
	close(in)
	return <-out
}

// DeferReport reports the final state through a deferred literal.
func DeferReport(items []string) (res string) {
	state := "start"
	defer func() { res = res + "|" + state }()
	for _, it := range items {
		state = state + "+" + it
	}
	return "done"
}

// WaitInBranch waits only when asked.
func WaitInBranch(items []int, wait bool) string {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	tag := "a"
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, tag+strconv.Itoa(it))
			mu.Unlock()
		}()
	}
	if wait {
		wg.Wait()
	}
	wg.Wait()
	tag = "b"
	sort.Strings(got)
	return strings.Join(got, ",") + tag
}

type settings struct{ name string }

func (s *settings) set(n string) { s.name = n }

// SetAfterStart renames settings through a method call after the reader is signalled.
func SetAfterStart(n string) string {
	var s settings
	s.set("first")
	start := make(chan bool)
	out := make(chan string)
	go func() {
		<-start
		out <- s.name
	}()
	s.set(n)
	close(start)
	return <-out
}

// SetterValue renames via a method value bound before.
func SetterValue(n string) string {
	var s settings
	set := s.set
	set("first")
	start := make(chan bool)
	out := make(chan string)
	go func() {
		<-start
		out <- s.name
	}()
	set(n)
	close(start)
	return <-out
}

// PtrBefore writes through p taken before the goroutine.
func PtrBefore(n int) string {
	x := 1
	p := &x
	start := make(chan bool)
	out := make(chan string)
	go func() {
		<-start
		out <- strconv.Itoa(x)
	}()
	*p = n
	close(start)
	return <-out
}

// StoredThenPtr stores a literal and writes through a pointer held in a map.
func StoredThenPtr(n int) string {
	x := 1
	m := map[string]*int{"x": &x}
	hooks := map[string]func() int{}
	hooks["x"] = func() int { return x }
	*m["x"] = n
	return strconv.Itoa(hooks["x"]())
}

// ClosureTwice starts the same named worker twice.
func ClosureTwice(n int) string {
	tag := "a"
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	worker := func() {
		defer wg.Done()
		mu.Lock()
		got = append(got, tag)
		mu.Unlock()
	}
	wg.Add(1)
	go worker()
	wg.Wait()
	tag = strconv.Itoa(n)
	wg.Add(1)
	go worker()
	wg.Wait()
	return strings.Join(got, ",")
}

// LoopPostWrite keeps loop variables written inside the body.
func LoopPostWrite(n int) string {
	var fns []func() int
	for i := 0; i < n; i++ {
		fns = append(fns, func() int { return i })
		i++
	}
	var out []string
	for _, f := range fns {
		out = append(out, strconv.Itoa(f()))
	}
	return strings.Join(out, ",")
}
