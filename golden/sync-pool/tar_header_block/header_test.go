package tarblock

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
)

// TestRoundTrip writes and reads headers of different names and sizes from four goroutines at once.
func TestRoundTrip(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				h := &Header{Name: fmt.Sprintf("dir%d/%s", g, strings.Repeat("f", i)), Mode: 0o644, Size: int64(g*1000 + i)}
				var out bytes.Buffer
				if err := WriteHeader(&out, h); err != nil {
					t.Error(err)
					return
				}
				if err := WriteEnd(&out); err != nil {
					t.Error(err)
					return
				}
				if out.Len() != 2*blockSize || !bytes.Equal(out.Bytes()[blockSize:], func() []byte { b := End(); return b[:] }()) {
					t.Errorf("%d bytes written, or a wrong end block", out.Len())
					return
				}
				name, size, err := ReadHeader(&out)
				if err != nil || name != h.Name || size != h.Size {
					t.Errorf("ReadHeader = %q, %d, %v; want %q, %d", name, size, err, h.Name, h.Size)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func TestErrors(t *testing.T) {
	if err := WriteHeader(io.Discard, &Header{Name: strings.Repeat("x", 101)}); err != ErrTooLong {
		t.Errorf("a long name: %v", err)
	}
	var out bytes.Buffer
	WriteHeader(&out, &Header{Name: "a"})
	bad := out.Bytes()
	bad[0] = 'b'
	if _, _, err := ReadHeader(bytes.NewReader(bad)); err != ErrChecksum {
		t.Errorf("a corrupt block: %v", err)
	}
	if _, _, err := ReadHeader(strings.NewReader("short")); err != ErrShort {
		t.Errorf("a short block: %v", err)
	}
}

func TestAllocsPerRun(t *testing.T) {
	h := &Header{Name: "etc/hosts", Mode: 0o644, Size: 42}
	var block bytes.Buffer
	WriteHeader(&block, h)
	in := bytes.NewReader(block.Bytes())
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		WriteHeader(io.Discard, h)
		WriteEnd(io.Discard)
		in.Seek(0, io.SeekStart)
		ReadHeader(in)
	}))
}
