package audit

import (
	"fmt"
	"sort"
	"testing"
)

func TestBehaviour(t *testing.T) {
	got := make(chan string, 2)
	Rounds([][]int{{1, 2}, {3}}, "ann", func(o string) string { return o + "'" }, func(o string, n int) {
		got <- fmt.Sprint(o, n)
	})
	all := []string{<-got, <-got}
	sort.Strings(all)
	if s := fmt.Sprint(all); s != "[ann''3 ann''3]" {
		t.Fatal(s)
	}
}
