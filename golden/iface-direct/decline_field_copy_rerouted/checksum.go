// Package rerouted sums a frame's parts, or only counts them on a dry run.
package rerouted

import "hash"

// Count counts the writes made to it.
type Count struct{ n uint32 }

func (c *Count) Write(p []byte) (int, error) { c.n++; return len(p), nil }
func (c *Count) Sum(b []byte) []byte         { return b }
func (c *Count) Reset()                      { c.n = 0 }
func (c *Count) Size() int                   { return 4 }
func (c *Count) BlockSize() int              { return 1 }
func (c *Count) Sum32() uint32               { return c.n }

type config struct {
	sum  hash.Hash32
	name string
}

// Frame sums the parts through a copy of the configuration, which a dry run points at a scratch counter.
func Frame(parts [][]byte, dry bool) (uint32, uint32) {
	var total Count // want "moved to heap: total" // declined "cfg, the copy of defaults at line 26, is written or addressed (line 28)"
	var scratch Count
	defaults := config{sum: &total, name: "count"}
	cfg := defaults
	if dry {
		cfg.sum = &scratch
	}
	for _, p := range parts {
		cfg.sum.Write(p)
	}
	return total.n, scratch.n
}
