package journal

import (
	"hash/crc32"
	"strings"
	"sync"
	"testing"
)

func sealed(records [][]byte) uint32 {
	var all []byte
	for _, r := range records {
		all = append(append(all, byte(len(r))), r...)
	}
	return crc32.ChecksumIEEE(all)
}

// TestSeal seals batches of different sizes from four goroutines at once.
func TestSeal(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				records := [][]byte{[]byte(strings.Repeat(string(rune('a'+g)), 10*i)), []byte("end")}
				if got, want := Seal(records), sealed(records); got != want {
					t.Errorf("Seal = %08x, want %08x", got, want)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func TestAllocsPerRun(t *testing.T) {
	records := [][]byte{[]byte("put a=1"), []byte("put b=2"), []byte("del c")}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Seal(records) }))
}
