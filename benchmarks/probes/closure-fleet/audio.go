package fleet

import (
	"context"
	"math"
	"sync"
)

// Chunk is a block of PCM samples.
type Chunk struct {
	Seq     int
	Samples []float32
}

// Gain is a normaliser's settings.
type Gain struct {
	Target float64
	Limit  float64
}

func (g *Gain) factor(peak float64) float64 {
	if peak == 0 {
		return 1
	}
	f := g.Target / peak
	if g.Limit > 0 && f > g.Limit {
		f = g.Limit
	}
	return f
}

// Stages runs decode -> normalise -> encode over chunks, one goroutine per
// stage joined by channels; the stage count is reported after.
func Stages(ctx context.Context, in []Chunk, target float64) ([]Chunk, int) {
	decoded := make(chan Chunk)
	normed := make(chan Chunk)
	stages := 0
	go func() {
		defer close(decoded)
		for _, c := range in {
			select {
			case decoded <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	stages++
	go func() {
		defer close(normed)
		for c := range decoded {
			peak := 0.0
			for _, s := range c.Samples {
				peak = math.Max(peak, math.Abs(float64(s)))
			}
			f := float32(1.0)
			if peak > 0 {
				f = float32(target / peak)
			}
			out := make([]float32, len(c.Samples))
			for i, s := range c.Samples {
				out[i] = s * f
			}
			normed <- Chunk{c.Seq, out}
		}
	}()
	stages++
	var outs []Chunk
	for c := range normed {
		outs = append(outs, c)
	}
	return outs, stages
}

// NormaliseChunks normalises each chunk in its own goroutine through the
// gain's pointer method (the pointer-method capture).
func NormaliseChunks(chunks []Chunk, target, limit float64) []Chunk {
	g := Gain{Target: target, Limit: limit}
	out := make([]Chunk, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			peak := 0.0
			for _, s := range c.Samples {
				peak = math.Max(peak, math.Abs(float64(s)))
			}
			f := float32(g.factor(peak))
			s := make([]float32, len(c.Samples))
			for j, v := range c.Samples {
				s[j] = v * f
			}
			out[i] = Chunk{c.Seq, s}
		}()
	}
	wg.Wait()
	return out
}

// Loudness measures each chunk's RMS; the window is widened for the next pass
// after the results are in.
func Loudness(chunks []Chunk, window int) ([]float64, int) {
	rms := make([]float64, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := min(window, len(c.Samples))
			sum := 0.0
			for _, s := range c.Samples[:n] {
				sum += float64(s) * float64(s)
			}
			rms[i] = math.Sqrt(sum / float64(max(n, 1)))
		}()
	}
	wg.Wait()
	window *= 2
	return rms, window
}

// Mix adds every track's chunk into the output under a lock; the master gain
// is raised between tracks while earlier mixers still run (must-decline).
func Mix(tracks [][]float32, master float32) []float32 {
	n := 0
	for _, t := range tracks {
		n = max(n, len(t))
	}
	out := make([]float32, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, t := range tracks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for i, s := range t {
				out[i] += s * master
			}
			mu.Unlock()
		}()
		master *= 0.9
	}
	wg.Wait()
	return out
}
