package batch

import (
	"fmt"
	"sort"
	"testing"
)

func TestBehaviour(t *testing.T) {
	got := make(chan string, 4)
	refresh := func(tok string) string { return tok + "+" }
	send := func(tok string, b []string) { got <- fmt.Sprint(tok, b) }
	Upload([][]string{{"x"}, {"a", "b"}, {"c", "d"}}, "t", refresh, send)
	close(got)
	var all []string
	for s := range got {
		all = append(all, s)
	}
	sort.Strings(all)
	if s := fmt.Sprint(all); s != "[t++[x] t+[c d] t[a b]]" {
		t.Fatal(s)
	}
}
