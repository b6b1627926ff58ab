package inventory

import (
	"bytes"
	"io"
	"sync"
	"testing"
)

var items = []Item{{"A-100", "bolt", 120, 20}, {"B-7", "washer, steel", 3000, 0}, {"C-42", "nut", 7, 7}}

const want = "SKU    NAME           QTY   RESERVED  FREE\n" +
	"A-100  bolt           120   20        100\n" +
	"B-7    washer, steel  3000  0         3000\n" +
	"C-42   nut            7     7         0\n"

func TestWriteTable(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				var out bytes.Buffer
				if err := WriteTable(&out, items[:1+i%3]); err != nil {
					t.Error(err)
					return
				}
				if i%3 == 2 && out.String() != want {
					t.Errorf("WriteTable = %q", out.String())
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { WriteTable(io.Discard, items) }))
}
