package workers

import (
	"sort"
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	out := make(chan string, 4)
	Start(2, 2, out)
	got := []string{<-out, <-out, <-out, <-out}
	sort.Strings(got)
	if s := strings.Join(got, ","); s != "worker 0.0,worker 0.1,worker 1.0,worker 1.1" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	out := make(chan string, 6)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() {
		Start(2, 3, out)
		for range 6 {
			<-out
		}
	}))
}
