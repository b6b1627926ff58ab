package svc

import (
	"fmt"
	"strings"
	"sync"
)

// ParenWrite renames the tag with a parenthesized assignment after the reader starts.
func ParenWrite(n string) string {
	tag := "a"
	start := make(chan bool)
	out := make(chan string)
	go func() {
		<-start
		out <- tag
	}()
	(tag) = n
	close(start)
	return <-out
}

// ParenStored stores a hook and then renames the tag in parentheses.
func ParenStored(n string) string {
	tag := "a"
	hooks := map[string]func() string{}
	hooks["t"] = func() string { return tag }
	(tag) += n
	return hooks["t"]()
}

// SelectAssign takes the tag from a channel in a select case after the reader starts.
func SelectAssign(n string) string {
	tag := "a"
	updates := make(chan string, 1)
	updates <- n
	start := make(chan bool)
	out := make(chan string)
	go func() {
		<-start
		out <- tag
	}()
	select {
	case tag = <-updates:
	}
	close(start)
	return <-out
}

// IfInitWrite writes the tag in an if statement's init.
func IfInitWrite(n string) string {
	tag := "a"
	hooks := []func() string{}
	hooks = append(hooks, func() string { return tag })
	if tag = n; tag == "" {
		tag = "empty"
	}
	return hooks[0]()
}

// SwapWrite swaps two captured values after storing a getter.
func SwapWrite(n string) string {
	a, b := "a", n
	get := []func() string{func() string { return a + b }}
	a, (b) = b, a
	return get[0]()
}

type pair struct{ x, y int }

// FieldParenWrite writes a field through parentheses after storing a getter.
func FieldParenWrite(v int) string {
	var p pair
	get := map[int]func() int{0: func() int { return p.x + p.y }}
	(p).x = v
	(p.y)++
	return fmt.Sprint(get[0]())
}

// RangeAssign assigns the tag as a range variable after the reader starts.
func RangeAssign(ns []string) string {
	tag := "a"
	hooks := map[int]func() string{}
	hooks[0] = func() string { return tag }
	for _, tag = range ns {
	}
	return hooks[0]()
}

// ScanWrite fills the tag through fmt.Sscan after the workers read it... under a wait.
func ScanWrite(n string) string {
	tag := "a"
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []string
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, tag)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Sscan(n, &tag)
	return strings.Join(got, ",") + tag
}

// PtrPtrWrite writes through a pointer to a pointer taken before the hook.
func DerefParenWrite(v int) string {
	x := 1
	p := &x
	get := map[int]func() int{0: func() int { return x }}
	*(p) = v
	return fmt.Sprint(get[0]())
}
