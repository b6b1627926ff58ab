package term2

import (
	"strings"
	"testing"
)

func TestTerm2(t *testing.T) {
	var out []string
	Nested(7, &out)
	Nested(1, &out)
	ch := make(chan int, 2)
	ch <- 9
	Selected(ch, &out)
	Looped(3, &out)
	Fell(7, &out)
	Labelled(1, &out)
	Labelled(7, &out)
	want := "named:a,after,named:a,named:a,after,named:a,after,named:a,after,named:a,after,named:a"
	if got := strings.Join(out, ","); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
