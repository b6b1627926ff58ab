package segment

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"testing"
)

// TestWrite writes segments of different sizes from four goroutines at once; a term too long writes nothing.
func TestWrite(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				terms := []string{strings.Repeat(string(rune('a'+g)), 10*i), "end"}
				var out bytes.Buffer
				n, err := Write(&out, terms)
				if err != nil || n != out.Len() || n != 10*i+1+1+1+3+1 {
					t.Errorf("Write = %d, %v (%d bytes)", n, err, out.Len())
					return
				}
			}
		}(g)
	}
	wg.Wait()
	var out bytes.Buffer
	if _, err := Write(&out, []string{"ok", strings.Repeat("x", 300)}); err == nil || out.Len() != 0 {
		t.Fatalf("err %v, %d bytes written", err, out.Len())
	}
}

func TestAllocsPerRun(t *testing.T) {
	terms := []string{"inverted", "index", "posting", "list"}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Write(io.Discard, terms) }))
}
