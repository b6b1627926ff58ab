package lineproto

import (
	"strings"
	"sync"
	"testing"
)

// TestCount parses inputs of different sizes, long lines included, from four goroutines at once.
func TestCount(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				long := strings.Repeat("x", (g*10+i)*4096)
				in := "# c\ncpu v=" + long + "\n\nmem v=12;\n"
				n, sum, err := Count(strings.NewReader(in))
				if n != 2 || sum != len(long)+4 || err != nil {
					t.Errorf("Count = %d, %d, %v", n, sum, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func TestAllocsPerRun(t *testing.T) {
	in := "cpu v=1\nmem v=22\n"
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Count(strings.NewReader(in)) }))
}
