package term

import (
	"strings"
	"testing"
)

func TestTerm(t *testing.T) {
	ch := make(chan int, 3)
	ch <- 1
	ch <- -1
	var out []string
	Drain(ch, &out)
	DrainSwitch([]int{5, 6}, &out)
	ch <- -1
	DrainLocal(ch, &out)
	Switched([]int{1, 2}, &out)
	if got := strings.Join(out, ","); got != "named:a,1,after,named:a,5,6,after,named:a,after,named:a,after 2" {
		t.Errorf("got %q", got)
	}
}
