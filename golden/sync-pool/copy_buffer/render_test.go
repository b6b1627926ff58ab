package page

import (
	"bytes"
	"io"
	"sync"
	"testing"
)

var checks = []Check{{"db", true, ""}, {"cache", false, "timeout"}}

func TestRender(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				var out bytes.Buffer
				if err := Render(&out, "status", checks); err != nil {
					t.Error(err)
					return
				}
				want := "<h1>status</h1>\n<ul>\n<li>db: ok </li>\n<li>cache: failing timeout</li>\n</ul>\n"
				if out.String() != want {
					t.Errorf("Render = %q", out.String())
					return
				}
			}
		}()
	}
	wg.Wait()
	var out bytes.Buffer
	if err := Render(&out, "x", []Check{{}}); err == nil || out.Len() != 0 {
		t.Fatalf("a failed render wrote %q, %v", out.String(), err)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Render(io.Discard, "status", checks) }))
}
