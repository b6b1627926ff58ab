package svc

import "strings"

// CloseLastDefer streams values; a deferred report registered before the close runs after it.
func CloseLastDefer(items []string) string {
	tag := "a"
	ch := make(chan string)
	gate := make(chan bool)
	res := make(chan string, 1)
	go func() {
		defer func() {
			<-gate
			res <- tag
		}()
		defer close(ch)
		for _, it := range items {
			ch <- it
		}
	}()
	var got []string
	for v := range ch {
		got = append(got, v)
	}
	tag = "b"
	close(gate)
	return strings.Join(got, ",") + <-res
}

// CloseFirstDefer closes first (runs last) and reports before.
func CloseFirstDefer(items []string) string {
	tag := "a"
	ch := make(chan string)
	var report string
	go func() {
		defer close(ch)
		defer func() { report = tag + "!" }()
		for _, it := range items {
			ch <- tag + it
		}
	}()
	var got []string
	for v := range ch {
		got = append(got, v)
	}
	tag = "b"
	return strings.Join(got, ",") + report + tag
}

// SelectDefaultWait polls a done channel with a default and then blocks.
func SelectDefaultWait(n int) string {
	tag := "a"
	done := make(chan bool)
	res := ""
	go func() {
		res = strings.Repeat(tag, n)
		close(done)
	}()
	select {
	case <-done:
	default:
		<-done
	}
	tag = "b"
	return res + tag
}

// SendThenMore sends its result and then keeps reading the tag under a gate.
func SendThenMore(n int) string {
	tag := "a"
	res := make(chan string)
	gate := make(chan bool)
	out := make(chan string, 1)
	go func() {
		res <- strings.Repeat(tag, n)
		<-gate
		out <- tag
	}()
	r := <-res
	tag = "b"
	close(gate)
	return r + <-out
}
