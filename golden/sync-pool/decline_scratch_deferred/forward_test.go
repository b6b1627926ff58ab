package forward

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

type broken struct{}

func (broken) Write(p []byte) (int, error) { return 0, errors.New("broken pipe") }

// TestTheFailedChunkIsReported: four goroutines forward to a broken writer; each report is a
// chunk one of them read, whole.
func TestTheFailedChunkIsReported(t *testing.T) {
	failed = nil
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				Forward(broken{}, strings.NewReader(strings.Repeat(string(rune('a'+g)), 500)))
			}
		}(g)
	}
	wg.Wait()
	count := map[string]int{}
	for _, chunk := range failed {
		count[chunk]++
	}
	for g := 0; g < 4; g++ {
		if chunk := strings.Repeat(string(rune('a'+g)), 500); count[chunk] != 25 {
			t.Fatalf("goroutine %d's chunk was reported %d times, want 25 (%d reports)", g, count[chunk], len(failed))
		}
	}
}
