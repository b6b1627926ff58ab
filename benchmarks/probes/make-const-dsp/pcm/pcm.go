// Package pcm encodes and decodes little-endian PCM frames.
package pcm

import (
	"encoding/binary"
	"errors"
	"io"
	"math"

	"example.com/probes/make-const-dsp/audio"
)

var errFormat = errors.New("pcm: unsupported format")

// Format is a PCM stream format.
type Format struct {
	Channels   int
	BitsPerSmp int
}

// FrameBytes is the size of one interleaved frame.
func (f Format) FrameBytes() int { return f.Channels * f.BitsPerSmp / 8 }

// Encode16 converts float frames to 16-bit PCM and writes one block to w.
func Encode16(w io.Writer, x []float32, channels int) error {
	if channels < 1 || channels > audio.MaxChannels {
		return errFormat
	}
	frames := min(len(x)/channels, audio.MaxFrame)
	buf := make([]byte, 2*frames*channels)
	for i := 0; i < frames*channels; i++ {
		v := max(-1, min(1, x[i]))
		binary.LittleEndian.PutUint16(buf[2*i:], uint16(int16(v*math.MaxInt16)))
	}
	_, err := w.Write(buf)
	return err
}

// Peak16 decodes a 16-bit block and returns the largest absolute sample.
func Peak16(b []byte) int {
	n := len(b) / 2
	if n > audio.MaxFrame*audio.MaxChannels {
		return -1
	}
	samples := make([]int16, n)
	for i := range samples {
		samples[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
	}
	peak := 0
	for _, s := range samples {
		v := int(s)
		if v < 0 {
			v = -v
		}
		peak = max(peak, v)
	}
	return peak
}

// Decode24 reads frames of 24-bit samples from r into dst as floats.
func Decode24(r io.Reader, dst []float32, frames int, f Format) (int, error) {
	if f.BitsPerSmp != 24 || f.Channels < 1 || f.Channels > audio.MaxChannels {
		return 0, errFormat
	}
	if frames <= 0 {
		return 0, nil
	}
	frames = min(frames, audio.MaxFrame)
	raw := make([]byte, 3*frames*f.Channels)
	if _, err := io.ReadFull(r, raw); err != nil {
		return 0, err
	}
	n := 0
	for i := 0; i+3 <= len(raw) && n < len(dst); i += 3 {
		v := int32(raw[i]) | int32(raw[i+1])<<8 | int32(int8(raw[i+2]))<<16
		dst[n] = float32(v) / (1 << 23)
		n++
	}
	return n, nil
}

// Sum8 sums an 8-bit unsigned block after centring it, through a scratch of frames*channels samples.
func Sum8(b []byte, f Format) int {
	ch := f.Channels
	if ch <= 0 || ch > audio.MaxChannels {
		return 0
	}
	frames := len(b) / ch
	if frames > audio.MaxFrame {
		frames = audio.MaxFrame
	}
	centred := make([]int16, frames*ch)
	for i := range centred {
		centred[i] = int16(b[i]) - 128
	}
	s := 0
	for _, v := range centred {
		s += int(v)
	}
	return s
}

// Header returns a 44-byte WAV header for the caller to write and keep.
func Header(f Format, frames int) []byte {
	h := make([]byte, 44)
	copy(h, "RIFF")
	binary.LittleEndian.PutUint32(h[4:], uint32(36+frames*f.FrameBytes()))
	copy(h[8:], "WAVEfmt ")
	return h
}

// Silence writes n frames of silence to w, in chunks of one block.
func Silence(w io.Writer, frames int, f Format) error {
	zero := make([]byte, audio.MaxFrame*f.FrameBytes())
	for frames > 0 {
		k := min(frames, audio.MaxFrame)
		if _, err := w.Write(zero[:k*f.FrameBytes()]); err != nil {
			return err
		}
		frames -= k
	}
	return nil
}

// Dither adds triangular dither to a block of 16-bit samples using a scratch of noise per frame.
func Dither(x []int16, frames, channels int, seed uint32) {
	if frames < 0 || frames > audio.MaxFrame || channels < 0 || channels > audio.MaxChannels {
		return
	}
	noise := make([]int16, frames*channels)
	for i := range noise {
		seed = seed*1664525 + 1013904223
		noise[i] = int16(seed>>30) - 1
	}
	for i := range noise {
		if i < len(x) {
			x[i] += noise[i]
		}
	}
}
