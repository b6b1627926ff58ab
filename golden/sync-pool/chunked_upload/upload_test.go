package upload

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"strings"
	"sync"
	"testing"
)

// chunks reads back what Upload framed: each chunk's bytes, checked against its CRC-32.
func chunks(t *testing.T, framed []byte) []string {
	var got []string
	for len(framed) >= headerSize {
		n, sum := binary.BigEndian.Uint32(framed[0:4]), binary.BigEndian.Uint32(framed[4:8])
		if n == 0 {
			return got
		}
		data := framed[headerSize : headerSize+int(n)]
		if crc32.ChecksumIEEE(data) != sum {
			t.Fatalf("chunk %d: bad checksum", len(got))
		}
		got = append(got, string(data))
		framed = framed[headerSize+int(n):]
	}
	t.Fatal("no end chunk")
	return nil
}

// TestUpload uploads bodies of different sizes and letters from four goroutines at once.
func TestUpload(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				body := strings.Repeat(string(rune('a'+g)), 40000+1000*i)
				var out bytes.Buffer
				n, err := Upload(&out, struct{ io.Reader }{strings.NewReader(body)})
				if err != nil {
					t.Error(err)
					return
				}
				got := chunks(t, out.Bytes())
				if n != len(got) || strings.Join(got, "") != body {
					t.Errorf("Upload sent %d chunks, %d read back, not the body", n, len(got))
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func TestAllocsPerRun(t *testing.T) {
	body := strings.NewReader(strings.Repeat("x", 50000))
	dst := struct{ io.Writer }{io.Discard}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		body.Seek(0, io.SeekStart)
		Upload(dst, body)
	}))
}
