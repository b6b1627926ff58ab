// Package palette quantises colours to small palettes.
package palette

import (
	"errors"
	"image/color"

	"example.com/probes/make-const-dsp/audio"
)

var errColours = errors.New("palette: too many colours")

// Counts histograms indexed pixels by palette entry and returns the most used entry.
func Counts(idx []uint8, colours int) (int, error) {
	if colours > audio.MaxPalette {
		return 0, errColours
	}
	counts := make([]int, colours)
	for _, i := range idx {
		if int(i) < colours {
			counts[i]++
		}
	}
	best := 0
	for i, c := range counts {
		if c > counts[best] {
			best = i
		}
	}
	return best, nil
}

// Levels quantises 8-bit values to 1<<bits levels and returns the number of distinct levels used.
func Levels(v []uint8, bits uint) int {
	if bits == 0 || bits > 8 {
		return 0
	}
	used := make([]bool, 1<<bits)
	for _, x := range v {
		used[x>>(8-bits)] = true
	}
	n := 0
	for _, u := range used {
		if u {
			n++
		}
	}
	return n
}

// Cube splits each channel into k levels and counts the k*k*k cells a set of colours falls in.
func Cube(px []color.RGBA, k int) int {
	if k < 2 || k > 6 {
		return 0
	}
	cells := make([]uint16, k*k*k)
	for _, p := range px {
		r, g, b := int(p.R)*k/256, int(p.G)*k/256, int(p.B)*k/256
		cells[(r*k+g)*k+b]++
	}
	n := 0
	for _, c := range cells {
		if c > 0 {
			n++
		}
	}
	return n
}

// Build returns a palette of n greys for the caller to keep.
func Build(n int) color.Palette {
	p := make(color.Palette, n)
	for i := range p {
		y := uint8(i * 255 / max(n-1, 1))
		p[i] = color.Gray{Y: y}
	}
	return p
}

// Nearest maps each pixel to the nearest of the first n palette entries, with a distance cache per entry.
func Nearest(px []color.Gray, pal color.Palette, n int) int {
	n = min(n, len(pal), audio.MaxPalette)
	dist := make([]int, n)
	total := 0
	for _, p := range px {
		best := 1 << 30
		for i := 0; i < n; i++ {
			g := color.GrayModel.Convert(pal[i]).(color.Gray)
			d := int(p.Y) - int(g.Y)
			dist[i] = d * d
			best = min(best, dist[i])
		}
		total += best
	}
	return total
}

// Remap remaps a palette's indices through a table of len(pal) entries and sums them.
func Remap(pal color.Palette) int {
	table := make([]uint8, len(pal))
	for i := range table {
		table[i] = uint8(len(pal) - 1 - i)
	}
	s := 0
	for _, t := range table {
		s += int(t)
	}
	return s
}
