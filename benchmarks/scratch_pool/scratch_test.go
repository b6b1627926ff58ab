package scratchpool

import (
	"io"
	"os"
	"runtime"
	"testing"
)

// ballast stands for a server's live heap: with BALLAST=1 the GC's goal is 512 MiB above the
// live heap, so it runs rarely and an allocation costs little more than mallocgc, the case least
// kind to a pool. Without it the heap is a few MiB and the GC runs often.
var ballast []byte

func TestMain(m *testing.M) {
	if os.Getenv("BALLAST") == "1" {
		ballast = make([]byte, 512<<20)
		runtime.GC()
	}
	os.Exit(m.Run())
}

// message is a reader of one message of left bytes: no WriteTo, one Read, then EOF.
type message struct{ left int }

func (m *message) Read(p []byte) (int, error) {
	if m.left == 0 {
		return 0, io.EOF
	}
	n := min(m.left, len(p))
	m.left -= n
	return n, nil
}

type sink struct{ n int }

func (s *sink) Write(p []byte) (int, error) { s.n += len(p); return len(p), nil }

func run(b *testing.B, relay func(io.Writer, io.Reader) (int64, error), size int) {
	b.ReportAllocs()
	var w io.Writer = &sink{}
	r := &message{}
	for i := 0; i < b.N; i++ {
		r.left = size
		relay(w, r)
	}
}

func runParallel(b *testing.B, relay func(io.Writer, io.Reader) (int64, error), size int) {
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var w io.Writer = &sink{}
		r := &message{}
		for pb.Next() {
			r.left = size
			relay(w, r)
		}
	})
}

func TestBothRelayTheMessage(t *testing.T) {
	for _, relay := range []func(io.Writer, io.Reader) (int64, error){Orig64, Pool64, Orig32768, Pool32768} {
		s := &sink{}
		if n, err := relay(s, &message{left: 64}); n != 64 || err != nil || s.n != 64 {
			t.Fatalf("relayed %d bytes (%v), wrote %d", n, err, s.n)
		}
	}
}

func BenchmarkOrig64(b *testing.B)         { run(b, Orig64, 64) }
func BenchmarkPool64(b *testing.B)         { run(b, Pool64, 64) }
func BenchmarkOrigParallel64(b *testing.B) { runParallel(b, Orig64, 64) }
func BenchmarkPoolParallel64(b *testing.B) { runParallel(b, Pool64, 64) }

func BenchmarkOrig128(b *testing.B)         { run(b, Orig128, 128) }
func BenchmarkPool128(b *testing.B)         { run(b, Pool128, 128) }
func BenchmarkOrigParallel128(b *testing.B) { runParallel(b, Orig128, 128) }
func BenchmarkPoolParallel128(b *testing.B) { runParallel(b, Pool128, 128) }

func BenchmarkOrig256(b *testing.B)         { run(b, Orig256, 256) }
func BenchmarkPool256(b *testing.B)         { run(b, Pool256, 256) }
func BenchmarkOrigParallel256(b *testing.B) { runParallel(b, Orig256, 256) }
func BenchmarkPoolParallel256(b *testing.B) { runParallel(b, Pool256, 256) }

func BenchmarkOrig512(b *testing.B)         { run(b, Orig512, 512) }
func BenchmarkPool512(b *testing.B)         { run(b, Pool512, 512) }
func BenchmarkOrigParallel512(b *testing.B) { runParallel(b, Orig512, 512) }
func BenchmarkPoolParallel512(b *testing.B) { runParallel(b, Pool512, 512) }

func BenchmarkOrig4096(b *testing.B)         { run(b, Orig4096, 4096) }
func BenchmarkPool4096(b *testing.B)         { run(b, Pool4096, 4096) }
func BenchmarkOrigParallel4096(b *testing.B) { runParallel(b, Orig4096, 4096) }
func BenchmarkPoolParallel4096(b *testing.B) { runParallel(b, Pool4096, 4096) }

func BenchmarkOrig32768(b *testing.B)         { run(b, Orig32768, 32768) }
func BenchmarkPool32768(b *testing.B)         { run(b, Pool32768, 32768) }
func BenchmarkOrigParallel32768(b *testing.B) { runParallel(b, Orig32768, 32768) }
func BenchmarkPoolParallel32768(b *testing.B) { runParallel(b, Pool32768, 32768) }
