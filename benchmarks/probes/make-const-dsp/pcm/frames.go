package pcm

import "example.com/probes/make-const-dsp/audio"

// Stereo16 converts a block of frames (checked with one unsigned comparison) to interleaved 16-bit stereo and
// returns the checksum of the bytes.
func Stereo16(l, r []int16, frames int) uint32 {
	if uint(frames) > audio.MaxFrame || frames > len(l) || frames > len(r) {
		return 0
	}
	out := make([]byte, 4*frames)
	for i := 0; i < frames; i++ {
		out[4*i], out[4*i+1] = byte(l[i]), byte(l[i]>>8)
		out[4*i+2], out[4*i+3] = byte(r[i]), byte(r[i]>>8)
	}
	var sum uint32
	for _, b := range out {
		sum = sum*31 + uint32(b)
	}
	return sum
}

// Channels sums each of the first MaxChannels planes of a planar block into a per-plane scratch of its frames
// times the plane's index plus one (the plane's weight), and returns the total.
func Channels(planes [][]int16) int {
	total := 0
	for c, p := range planes {
		if c >= audio.MaxChannels || len(p) > audio.MaxFrame {
			break
		}
		weighted := make([]int32, len(p)*(c+1))
		for i := range weighted {
			weighted[i] = int32(p[i/(c+1)])
		}
		for _, v := range weighted {
			total += int(v)
		}
	}
	return total
}
