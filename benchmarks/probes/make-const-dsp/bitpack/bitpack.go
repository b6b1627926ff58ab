// Package bitpack packs and unpacks fixed-width samples.
package bitpack

import (
	"errors"
	"io"

	"example.com/probes/make-const-dsp/audio"
)

var errWidth = errors.New("bitpack: bad sample width")

// Pack12 packs 12-bit samples, two to three bytes, and writes them to w.
func Pack12(w io.Writer, samples []uint16) error {
	n := len(samples)
	if n > audio.MaxFrame {
		return errWidth
	}
	out := make([]byte, (n*12+7)/8)
	for i, s := range samples {
		bit := i * 12
		out[bit/8] |= byte(s << (bit % 8))
		out[bit/8+1] |= byte(s >> (8 - bit%8))
	}
	_, err := w.Write(out)
	return err
}

// Checksum packs samples of the given width into a scratch and sums its bytes.
func Checksum(samples []uint32, bits int) (uint32, error) {
	if bits <= 0 || bits > audio.MaxBits {
		return 0, errWidth
	}
	n := min(len(samples), audio.MaxFrame)
	packed := make([]byte, (n*bits+7)/8)
	for i := 0; i < n; i++ {
		pos := i * bits
		for b := 0; b < bits; b++ {
			if samples[i]>>b&1 != 0 {
				packed[(pos+b)/8] |= 1 << ((pos + b) % 8)
			}
		}
	}
	var sum uint32
	for _, b := range packed {
		sum += uint32(b)
	}
	return sum, nil
}

// Mask builds a validity bitmap of (n+7)/8 bytes over a block and counts set bits.
func Mask(valid []bool) int {
	n := len(valid)
	if n > audio.MaxBlock {
		n = audio.MaxBlock
	}
	bitmap := make([]byte, (n+7)/8)
	for i := 0; i < n; i++ {
		if valid[i] {
			bitmap[i/8] |= 1 << (i % 8)
		}
	}
	c := 0
	for _, b := range bitmap {
		for ; b != 0; b &= b - 1 {
			c++
		}
	}
	return c
}

// BytesFor returns the packed size of n samples of width bits, as a buffer the caller fills and keeps.
func BytesFor(n, bits int) []byte {
	return make([]byte, (n*bits+7)/8)
}

// Unpack reads count samples of width bits from r, through a scratch sized by the stream header.
func Unpack(r io.Reader, dst []int32, count int, bits uint8) (int, error) {
	if bits == 0 || bits > audio.MaxBits {
		return 0, errWidth
	}
	if count > audio.MaxFrame {
		count = audio.MaxFrame
	}
	raw := make([]byte, (count*int(bits)+7)/8)
	if _, err := io.ReadFull(r, raw); err != nil {
		return 0, err
	}
	var acc uint64
	var have uint8
	n := 0
	for _, b := range raw {
		acc |= uint64(b) << have
		have += 8
		for have >= bits && n < len(dst) {
			dst[n] = int32(acc & (1<<bits - 1))
			acc >>= bits
			have -= bits
			n++
		}
	}
	return n, nil
}
