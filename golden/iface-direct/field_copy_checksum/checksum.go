// Package checksum sums a frame's parts with the hasher a default configuration names.
package checksum

import "hash"

// Adler is a small Adler-32 over the bytes written to it.
type Adler struct{ a, b uint32 }

func (s *Adler) Write(p []byte) (int, error) {
	if s.a == 0 && s.b == 0 {
		s.a = 1
	}
	for _, c := range p {
		s.a = (s.a + uint32(c)) % 65521
		s.b = (s.b + s.a) % 65521
	}
	return len(p), nil
}
func (s *Adler) Sum(b []byte) []byte {
	v := s.Sum32()
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}
func (s *Adler) Reset()         { *s = Adler{} }
func (s *Adler) Size() int      { return 4 }
func (s *Adler) BlockSize() int { return 4 }
func (s *Adler) Sum32() uint32  { return s.b<<16 | s.a }

type config struct {
	sum  hash.Hash32
	name string
}

// Frame sums the parts through a copy of the default configuration, the way a caller that may adjust
// its copy would write it.
func Frame(parts [][]byte) uint32 {
	var a Adler // want "moved to heap: a"
	defaults := config{sum: &a, name: "adler32"}
	cfg := defaults
	for _, p := range parts {
		cfg.sum.Write(p)
	}
	return cfg.sum.Sum32()
}
