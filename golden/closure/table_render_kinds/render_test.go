package render

import (
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	f := Formatter{Label: "cpu"}
	var wg sync.WaitGroup
	for _, c := range []struct{ kind, want string }{
		{"text", "cpu:      97%"},
		{"json", `{"cpu": "97%"}`},
		{"csv", "cpu,97%"},
		{"xml", "cpu:      97%"},
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := Render(f, c.kind, "97%"); got != c.want {
				t.Errorf("%s: %q", c.kind, got)
			}
		}()
	}
	wg.Wait()
}

func TestAllocs(t *testing.T) {
	f := Formatter{Label: "cpu", Width: 4}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Render(f, "csv", "97%") }))
}
