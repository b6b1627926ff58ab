package filter

import (
	"encoding/binary"
	"hash/fnv"
)

const bucketSize = 4

// Cuckoo is a cuckoo filter of fingerprints 8, 12 or 16 bits wide.
type Cuckoo struct {
	buckets [][bucketSize]uint16
	fpBits  uint
	kicks   int
}

// NewCuckoo returns a filter of n buckets (a power of two) and fingerprints of fpBits.
func NewCuckoo(n int, fpBits uint) (*Cuckoo, error) {
	if n <= 0 || n&(n-1) != 0 {
		return nil, errSize
	}
	switch fpBits {
	case 8, 12, 16:
	default:
		return nil, errSize
	}
	return &Cuckoo{buckets: make([][bucketSize]uint16, n), fpBits: fpBits, kicks: 500}, nil
}

func (c *Cuckoo) index(key []byte) (uint16, uint64, uint64) {
	h := fnv.New64a()
	h.Write(key)
	sum := h.Sum64()
	fp := uint16(sum>>32) & (1<<c.fpBits - 1)
	if fp == 0 {
		fp = 1
	}
	n := uint64(len(c.buckets))
	i1 := sum & (n - 1)
	var b [2]byte
	binary.LittleEndian.PutUint16(b[:], fp)
	f := fnv.New64a()
	f.Write(b[:])
	i2 := (i1 ^ f.Sum64()) & (n - 1)
	return fp, i1, i2
}

// Has reports whether key may be in the filter.
func (c *Cuckoo) Has(key []byte) bool {
	fp, i1, i2 := c.index(key)
	for _, i := range [2]uint64{i1, i2} {
		for _, f := range c.buckets[i] {
			if f == fp {
				return true
			}
		}
	}
	return false
}

// Insert adds key, kicking fingerprints along; false when the filter is full.
func (c *Cuckoo) Insert(key []byte) bool {
	fp, i1, i2 := c.index(key)
	for _, i := range [2]uint64{i1, i2} {
		for s, f := range c.buckets[i] {
			if f == 0 {
				c.buckets[i][s] = fp
				return true
			}
		}
	}
	i := i1
	for k := 0; k < c.kicks; k++ {
		s := k % bucketSize
		fp, c.buckets[i][s] = c.buckets[i][s], fp
		var b [2]byte
		binary.LittleEndian.PutUint16(b[:], fp)
		f := fnv.New64a()
		f.Write(b[:])
		i = (i ^ f.Sum64()) & uint64(len(c.buckets)-1)
		for s, f := range c.buckets[i] {
			if f == 0 {
				c.buckets[i][s] = fp
				return true
			}
		}
	}
	return false
}

// Export writes the fingerprints of bucket i, packed at the filter's width, and reports the byte count.
func (c *Cuckoo) Export(i int) int {
	width := int(c.fpBits+7) / 8
	out := make([]byte, bucketSize*width)
	for s, f := range c.buckets[i] {
		if width == 1 {
			out[s] = byte(f)
		} else {
			binary.BigEndian.PutUint16(out[2*s:], f)
		}
	}
	n := 0
	for _, b := range out {
		if b != 0 {
			n++
		}
	}
	return n
}
