package record

import (
	"bytes"
	"io"
	"sync"
	"testing"
)

func TestWriteRecord(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(kind uint8) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				var out bytes.Buffer
				if err := WriteRecord(&out, kind, []byte("payload")); err != nil {
					t.Error(err)
					return
				}
				want := append([]byte{kind, 0, 0, 0, 0, 7}, "payload"...)
				if !bytes.Equal(out.Bytes(), want) {
					t.Errorf("WriteRecord wrote % x, want % x", out.Bytes(), want)
					return
				}
			}
		}(uint8(g))
	}
	wg.Wait()
}

func TestAllocsPerRun(t *testing.T) {
	payload := bytes.Repeat([]byte("x"), 100)
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { WriteRecord(io.Discard, 3, payload) }))
}
