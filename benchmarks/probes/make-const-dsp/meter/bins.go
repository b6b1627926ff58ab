package meter

import "example.com/probes/make-const-dsp/audio"

// Bins averages a spectrum into bands of width w, the band-th of which starts at band*w, through a copy of it.
func Bins(mags []float64, band, w int) float64 {
	if w <= 0 || w > audio.MaxBlock/8 {
		return 0
	}
	start := band * w
	if start < 0 || start+w > len(mags) {
		return 0
	}
	seg := mags[start : start+w]
	scratch := make([]float64, len(seg))
	copy(scratch, seg)
	var s float64
	for _, v := range scratch {
		s += v
	}
	return s / float64(w)
}

// Octaves sums the energy of the first octaves of a spectrum: octave o has 1<<o bins, for up to MaxFFTBits
// octaves.
func Octaves(mags []float64, octaves []float64) float64 {
	var total float64
	for o := range octaves {
		if o >= audio.MaxFFTBits {
			break
		}
		band := make([]float64, 1<<o)
		copy(band, mags[min(len(mags), 1<<o-1):])
		for _, v := range band {
			total += v * octaves[o]
		}
	}
	return total
}
