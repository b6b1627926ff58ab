// Package ring buffers samples between a producer and a consumer on one goroutine.
package ring

import "example.com/probes/make-const-dsp/audio"

// Ring is a power-of-two ring of samples.
type Ring struct {
	buf  []float32
	mask int
	w, r int
}

// New returns a ring of 1<<bits samples; the ring keeps its buffer.
func New(bits int) *Ring {
	if bits < 1 || bits > audio.MaxFFTBits {
		bits = audio.MaxFFTBits
	}
	return &Ring{buf: make([]float32, 1<<bits), mask: 1<<bits - 1}
}

// Write appends samples, overwriting the oldest.
func (q *Ring) Write(x []float32) {
	for _, v := range x {
		q.buf[q.w&q.mask] = v
		q.w++
	}
}

// Latest copies the last n samples, oldest first, into a scratch and returns their sum.
func (q *Ring) Latest(n int) float32 {
	if n <= 0 {
		return 0
	}
	n = min(n, audio.MaxBlock)
	out := make([]float32, n)
	for i := range out {
		out[i] = q.buf[(q.w-n+i)&q.mask]
	}
	var s float32
	for _, v := range out {
		s += v
	}
	return s
}

// Snapshot returns the whole ring in order for the caller to keep.
func (q *Ring) Snapshot() []float32 {
	out := make([]float32, len(q.buf))
	for i := range out {
		out[i] = q.buf[(q.w+i)&q.mask]
	}
	return out
}

// Delay runs a delay line of d samples over x in place, with the line in a scratch.
func Delay(x []float32, d int) {
	if d < 1 || d > audio.MaxBlock {
		return
	}
	line := make([]float32, d)
	pos := 0
	for i, v := range x {
		x[i], line[pos] = line[pos], v
		pos = (pos + 1) % d
	}
}

// Window copies the index-th window of a block, w samples from index*w, into a scratch and returns its mean.
func Window(x []float32, index, w int) float32 {
	if w <= 0 || w > audio.MaxFrame {
		return 0
	}
	start := index * w
	if start < 0 || start+w > len(x) {
		return 0
	}
	win := make([]float32, len(x[start:start+w]))
	copy(win, x[start:])
	var s float32
	for _, v := range win {
		s += v
	}
	return s / float32(w)
}
