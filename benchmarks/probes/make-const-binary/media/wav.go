package media

import (
	"encoding/binary"
	"io"
	"math"
)

// MaxChannels is the most channels the mixer takes.
const MaxChannels = 8

// FrameBlock is how many frames the mixer processes per call.
const FrameBlock = 256

// WAVHeader is the canonical 44-byte RIFF/WAVE header of PCM data.
type WAVHeader struct {
	Channels   uint16
	SampleRate uint32
	Bits       uint16
	DataLen    uint32
}

// Marshal writes the 44-byte header.
func (h WAVHeader) Marshal(w io.Writer) error {
	blockAlign := h.Channels * h.Bits / 8
	b := make([]byte, 0, 44)
	b = append(b, "RIFF"...)
	b = binary.LittleEndian.AppendUint32(b, 36+h.DataLen)
	b = append(b, "WAVEfmt "...)
	b = binary.LittleEndian.AppendUint32(b, 16)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, h.Channels)
	b = binary.LittleEndian.AppendUint32(b, h.SampleRate)
	b = binary.LittleEndian.AppendUint32(b, h.SampleRate*uint32(blockAlign))
	b = binary.LittleEndian.AppendUint16(b, blockAlign)
	b = binary.LittleEndian.AppendUint16(b, h.Bits)
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, h.DataLen)
	_, err := w.Write(b)
	return err
}

// Downmix averages interleaved 16-bit frames to mono and returns the peak of one block.
func Downmix(pcm []byte, channels int) (int16, error) {
	if channels < 1 || channels > MaxChannels {
		return 0, ErrFormat
	}
	frames := len(pcm) / (2 * channels)
	if frames > FrameBlock {
		frames = FrameBlock
	}
	mono := make([]int16, frames)
	for f := range mono {
		var sum int
		for c := 0; c < channels; c++ {
			sum += int(int16(binary.LittleEndian.Uint16(pcm[2*(f*channels+c):])))
		}
		mono[f] = int16(sum / channels)
	}
	var peak int16
	for _, s := range mono {
		if s < 0 {
			s = -s
		}
		if s > peak {
			peak = s
		}
	}
	return peak, nil
}

// RMS is the root mean square of one block of float samples per channel.
func RMS(samples []float32, channels int) []float64 {
	if channels < 1 || channels > MaxChannels {
		return nil
	}
	acc := make([]float64, channels)
	n := 0
	for i := 0; i+channels <= len(samples); i += channels {
		for c := range acc {
			acc[c] += float64(samples[i+c]) * float64(samples[i+c])
		}
		n++
	}
	for c := range acc {
		if n > 0 {
			acc[c] = math.Sqrt(acc[c] / float64(n))
		}
	}
	return acc
}

// Loudest is the index of the loudest channel of a block.
func Loudest(samples []float32, channels int) int {
	if channels < 1 || channels > MaxChannels {
		return -1
	}
	energy := make([]float64, channels)
	for i, s := range samples {
		energy[i%channels] += float64(s) * float64(s)
	}
	best := 0
	for c := range energy {
		if energy[c] > energy[best] {
			best = c
		}
	}
	return best
}

// Resample converts one block by linear interpolation into out's capacity; ratio is out/in.
func ResampleBlock(in []int16, outLen int) int64 {
	if outLen <= 0 || outLen > 2*FrameBlock || len(in) < 2 {
		return 0
	}
	out := make([]int16, outLen)
	step := float64(len(in)-1) / float64(outLen)
	for i := range out {
		x := float64(i) * step
		j := int(x)
		fr := x - float64(j)
		out[i] = int16(float64(in[j])*(1-fr) + float64(in[j+1])*fr)
	}
	var sum int64
	for _, v := range out {
		sum += int64(v)
	}
	return sum
}
