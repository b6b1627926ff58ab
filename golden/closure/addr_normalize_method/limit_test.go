package limit

import (
	"fmt"
	"sort"
	"testing"
)

func TestBehaviour(t *testing.T) {
	got := make(chan string, 2)
	Senders([]string{"a", "b"}, 10, 3, func(d string, l Limits) { got <- fmt.Sprint(d, l) })
	all := []string{<-got, <-got}
	sort.Strings(all)
	if s := fmt.Sprint(all); s != "[a{10 10} b{10 10}]" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	done := make(chan struct{}, 4)
	dests := []string{"a", "b", "c", "d"}
	send := func(string, Limits) { done <- struct{}{} }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() {
		Senders(dests, 10, 3, send)
		for range dests {
			<-done
		}
	}))
}
