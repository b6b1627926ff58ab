// Package sensor keeps the gateway's sensor readings: sample windows, filters, ring buffers.
package sensor

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"

	"example.com/probes/make-const-devices/limits"
)

const (
	window        = 32
	maxWindow     = 64
	defaultWindow = 16
	maxOrder      = 5
	maxChannels   = 12
)

var ErrFrame = errors.New("sensor: bad frame")

// Reading is one sample of a channel.
type Reading struct {
	At    int64
	Value float32
	Chan  uint8
}

// Median is the median of the last window samples.
func Median(samples []float32) float32 {
	n := len(samples)
	if n == 0 {
		return 0
	}
	if n > window {
		samples = samples[n-window:]
	}
	s := make([]float32, len(samples))
	copy(s, samples)
	slices.Sort(s)
	return s[len(s)/2]
}

// Config is a channel's filter setting from the device twin.
type Config struct {
	Window int
	Gain   float64
}

// MovingAverage smooths xs with the configured window, falling back to the default for a bad one.
func MovingAverage(cfg Config, xs []float64) float64 {
	w := cfg.Window
	if w <= 0 || w > maxWindow {
		w = defaultWindow
	}
	acc := make([]float64, w)
	var sum float64
	for i, x := range xs {
		sum += x - acc[i%w]
		acc[i%w] = x
	}
	return cfg.Gain * sum / float64(w)
}

// Calibrate fits polynomials of increasing order and returns the best order's residual.
func Calibrate(xs, ys []float64) float64 {
	best := -1.0
	for order := 1; order <= maxOrder; order++ {
		coeffs := make([]float64, order+1)
		for i := range xs {
			if i < len(ys) {
				coeffs[i%(order+1)] += xs[i] * ys[i]
			}
		}
		r := 0.0
		for _, c := range coeffs {
			r += c * c
		}
		if best < 0 || r < best {
			best = r
		}
	}
	return best
}

// Downsample averages xs by factor, the dashboard's zoom level.
func Downsample(xs []float32, factor int) float32 {
	if factor <= 0 {
		return 0
	}
	out := make([]float32, len(xs)/factor)
	for i := range out {
		for k := 0; k < factor; k++ {
			out[i] += xs[i*factor+k]
		}
	}
	var m float32
	for _, v := range out {
		m = max(m, v)
	}
	return m
}

// ChannelMeans decodes a multi-channel frame: a count byte, then that many big-endian int16s.
func ChannelMeans(frame []byte) (float32, error) {
	if len(frame) == 0 {
		return 0, ErrFrame
	}
	ch := int(frame[0])
	if ch > maxChannels || len(frame) < 1+2*ch {
		return 0, ErrFrame
	}
	vals := make([]int16, ch)
	for i := range vals {
		vals[i] = int16(binary.BigEndian.Uint16(frame[1+2*i:]))
	}
	var sum float32
	for _, v := range vals {
		sum += float32(v)
	}
	return sum / float32(max(ch, 1)), nil
}

// ChunkCRCs checks a firmware image chunk by chunk as the BLE updater sends it: offset, then data.
func ChunkCRCs(img []byte) uint32 {
	chunk := int(limits.MaxChunk)
	var x uint32
	for off := 0; off < len(img); off += chunk {
		n := min(chunk, len(img)-off)
		pkt := make([]byte, 4+n)
		binary.LittleEndian.PutUint32(pkt, uint32(off))
		copy(pkt[4:], img[off:off+n])
		x ^= crc32.ChecksumIEEE(pkt)
	}
	return x
}

// BlockSum sums a record block whose header gives its count of 64-byte records; the sensor
// firmware never sends more than 16, and the guard trusts it to be non-negative.
func BlockSum(hdr []byte) uint32 {
	if len(hdr) < 4 {
		return 0
	}
	records := int32(binary.BigEndian.Uint32(hdr))
	if records > 16 {
		return 0
	}
	block := make([]byte, records*64)
	copy(block, hdr[4:])
	return crc32.ChecksumIEEE(block)
}
