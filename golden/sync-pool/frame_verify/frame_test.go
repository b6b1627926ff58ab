package frame

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"strings"
	"sync"
	"testing"
)

func framed(body string) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE([]byte(body)))
	return append(out, body...)
}

// TestReadFrame reads frames of different sizes and letters from four goroutines at once.
func TestReadFrame(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				body := strings.Repeat(string(rune('a'+g)), 100*i+1)
				got, err := ReadFrame(bytes.NewReader(framed(body)))
				if err != nil || got != body {
					t.Errorf("ReadFrame = %d bytes, %v; want the %d bytes framed", len(got), err, len(body))
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func TestErrors(t *testing.T) {
	bad := framed("hello")
	bad[len(bad)-1] = 'O'
	if _, err := ReadFrame(bytes.NewReader(bad)); err != ErrChecksum {
		t.Errorf("a corrupt body: %v", err)
	}
	if _, err := ReadFrame(bytes.NewReader(framed(strings.Repeat("x", 5000)))); err != ErrTooLarge {
		t.Errorf("a 5000-byte body: %v", err)
	}
	if _, err := ReadFrame(bytes.NewReader(framed("hello")[:10])); err != io.ErrUnexpectedEOF {
		t.Errorf("a short body: %v", err)
	}
}

func TestAllocsPerRun(t *testing.T) {
	in := bytes.NewReader(framed(strings.Repeat("x", 3000)))
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		in.Seek(0, io.SeekStart)
		ReadFrame(in)
	}))
}
