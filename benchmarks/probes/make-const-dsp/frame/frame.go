// Package frame interleaves and de-interleaves channel blocks.
package frame

import (
	"errors"

	"example.com/probes/make-const-dsp/audio"
)

var errLayout = errors.New("frame: bad channel layout")

// Interleave writes planar channels into dst, frame by frame, and returns the peak absolute sample.
func Interleave(dst []float32, planes [][]float32, frames int) (float32, error) {
	ch := len(planes)
	if ch == 0 || ch > audio.MaxChannels {
		return 0, errLayout
	}
	if frames <= 0 {
		return 0, nil
	}
	buf := make([]float32, min(frames, audio.MaxFrame)*ch)
	var peak float32
	n := min(frames, audio.MaxFrame)
	for i := 0; i < n; i++ {
		for c := 0; c < ch; c++ {
			v := planes[c][i]
			buf[i*ch+c] = v
			if v < 0 {
				v = -v
			}
			peak = max(peak, v)
		}
	}
	copy(dst, buf)
	return peak, nil
}

// Mixdown sums interleaved frames to mono into out.
func Mixdown(out []float32, in []float32, channels int) int {
	if channels < 1 || channels > audio.MaxChannels {
		return 0
	}
	frames := len(in) / channels
	if frames > audio.MaxFrame {
		frames = audio.MaxFrame
	}
	mono := make([]float32, frames)
	for i := range mono {
		var s float32
		for c := 0; c < channels; c++ {
			s += in[i*channels+c]
		}
		mono[i] = s / float32(channels)
	}
	return copy(out, mono)
}

// Swap exchanges two channels of an interleaved block in place, through a scratch copy of one frame block.
func Swap(block []int16, frames, channels, a, b int) {
	if channels <= 0 || channels > audio.MaxChannels || frames <= 0 || frames > audio.MaxFrame {
		return
	}
	tmp := make([]int16, frames*channels)
	copy(tmp, block)
	for i := 0; i < frames; i++ {
		block[i*channels+a], block[i*channels+b] = tmp[i*channels+b], tmp[i*channels+a]
	}
}

// Upmix spreads a mono block over a layout (every channel the same signal) and returns the energy.
func Upmix(mono []float32, l audio.Layout) float64 {
	n := len(mono)
	if n > audio.MaxFrame {
		n = audio.MaxFrame
	}
	ch := l.Channels
	if ch <= 0 {
		ch = 2
	}
	if ch > audio.MaxChannels {
		ch = audio.MaxChannels
	}
	wide := make([]float32, n*ch)
	for i := 0; i < n; i++ {
		for c := 0; c < ch; c++ {
			wide[i*ch+c] = mono[i]
		}
	}
	var e float64
	for _, v := range wide {
		e += float64(v) * float64(v)
	}
	return e
}

// Planar splits an interleaved block into planes the caller keeps.
func Planar(in []float32, channels int) [][]float32 {
	if channels <= 0 {
		return nil
	}
	frames := len(in) / channels
	out := make([][]float32, channels)
	for c := range out {
		out[c] = make([]float32, frames)
		for i := 0; i < frames; i++ {
			out[c][i] = in[i*channels+c]
		}
	}
	return out
}

// Block is a fixed processing block with a channel count set at construction.
type Block struct {
	channels int
	data     []float32
}

// Fill copies up to one block of frames into b, with a scratch for the gain stage.
func (b *Block) Fill(src []float32, frames int, gain float32) int {
	if frames < 0 {
		return 0
	}
	frames = min(frames, audio.MaxFrame)
	tmp := make([]float32, frames*audio.MaxChannels)
	n := copy(tmp, src)
	for i := range tmp[:n] {
		tmp[i] *= gain
	}
	return copy(b.data, tmp[:n])
}
