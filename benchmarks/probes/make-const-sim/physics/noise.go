package physics

// Perlin holds a permutation table.
type Perlin struct {
	perm [512]uint8
}

// NewPerlin shuffles the table from a seed.
func NewPerlin(seed uint32) *Perlin {
	p := &Perlin{}
	for i := 0; i < 256; i++ {
		p.perm[i] = uint8(i)
	}
	for i := 255; i > 0; i-- {
		seed = seed*1664525 + 1013904223
		j := int(seed>>8) % (i + 1)
		p.perm[i], p.perm[j] = p.perm[j], p.perm[i]
	}
	copy(p.perm[256:], p.perm[:256])
	return p
}

func (p *Perlin) lattice(x, y int) float64 {
	return float64(p.perm[(int(p.perm[x&255])+y)&255]) / 255
}

// Fbm sums octaves of value noise, oct falling back to 4 outside 1..8.
func (p *Perlin) Fbm(x, y float64, oct int) float64 {
	if oct < 1 || oct > 8 {
		oct = 4
	}
	amps := make([]float64, oct)
	a := 1.0
	for i := range amps {
		amps[i] = a
		a /= 2
	}
	s := 0.0
	for i, amp := range amps {
		f := float64(int(1) << i)
		s += amp * p.lattice(int(x*f), int(y*f))
	}
	return s
}

// Row samples one noise row of width w for a terrain strip.
func (p *Perlin) Row(y, w int) float64 {
	if w <= 0 || w > 128 {
		return 0
	}
	row := make([]float64, w)
	for x := range row {
		row[x] = p.lattice(x, y)
	}
	s := 0.0
	for _, v := range row {
		s += v
	}
	return s / float64(w)
}

// Octaves of a tile are chosen by its level of detail.
func (p *Perlin) Detail(lod int) float64 {
	var n int
	switch {
	case lod <= 0:
		n = 8
	case lod == 1:
		n = 16
	default:
		n = 32
	}
	samples := make([]float64, n*n)
	for i := range samples {
		samples[i] = p.lattice(i%n, i/n)
	}
	s := 0.0
	for _, v := range samples {
		s += v
	}
	return s
}

// Strip returns a noise strip: the terrain keeps it.
func (p *Perlin) Strip(y, w int) []float64 {
	out := make([]float64, w)
	for x := range out {
		out[x] = p.lattice(x, y)
	}
	return out
}
