// Package mixer sums interleaved channels into one.
package mixer

// maxChannels is the most channels a device reports.
const maxChannels = 64

// Mixer sums a configurable number of interleaved channels.
type Mixer struct {
	channels int
}

// New checks the channel count once.
func New(channels int) *Mixer {
	if channels < 1 || channels > maxChannels {
		return nil
	}
	return &Mixer{channels: channels}
}

// Reconfigure follows a device change; the device's count is not checked again, so New's guard bounds
// nothing: a 96-channel device makes 96 peaks, which a [64]int32 would not hold.
func (m *Mixer) Reconfigure(channels int) { m.channels = channels }

// Loudest returns the loudest channel of an interleaved block.
func (m *Mixer) Loudest(pcm []int16) int {
	peaks := make([]int32, m.channels) // want(<go1.25) "make\\(\\[\\]int32, m.channels\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int32, m.channels\\) does not escape" // declined "speculative"
	for i := 0; i+m.channels <= len(pcm); i += m.channels {
		for c, s := range pcm[i : i+m.channels] {
			peaks[c] = max(peaks[c], int32(s), -int32(s))
		}
	}
	loud := 0
	for c, p := range peaks {
		if p > peaks[loud] {
			loud = c
		}
	}
	return loud
}
