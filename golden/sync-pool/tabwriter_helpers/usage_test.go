package usage

import (
	"bytes"
	"io"
	"sync"
	"testing"
)

var flags = []Flag{{"addr", ":8080", "listen address"}, {"v", "false", "verbose"}}

func TestPrint(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				var out bytes.Buffer
				if err := Print(&out, "serve", flags); err != nil {
					t.Error(err)
					return
				}
				want := "Usage: serve [flags]\n\nFLAG    DEFAULT  USAGE\n--addr  :8080    listen address\n--v     false    verbose\n"
				if out.String() != want {
					t.Errorf("Print = %q", out.String())
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Print(io.Discard, "serve", flags) }))
}
