package compute

import (
	"context"
	"math"
	"math/rand"
	"runtime"
	"sort"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Converge keeps estimating until two rounds agree within tol, reseeding every round
// once the round's workers are done.
func Converge(samples, workers int, seed int64, tol float64) (float64, int) {
	prev := math.Inf(1)
	for round := 1; round <= 8; round++ {
		est := make([]float64, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewSource(seed*31 + int64(w)))
				in := 0
				for i := 0; i < samples; i++ {
					x, y := r.Float64(), r.Float64()
					if x*x+y*y <= 1 {
						in++
					}
				}
				est[w] = 4 * float64(in) / float64(samples)
			}()
		}
		wg.Wait()
		seed = seed*6364136223846793005 + 1442695040888963407
		mean := 0.0
		for _, e := range est {
			mean += e
		}
		mean /= float64(workers)
		if math.Abs(mean-prev) < tol {
			return mean, round
		}
		prev = mean
	}
	return prev, 8
}

// BootstrapOptions configure a bootstrap of the mean.
type BootstrapOptions struct {
	Resamples int
	Seed      int64
	Limit     int
	Level     float64
}

func (o *BootstrapOptions) defaults() {
	if o.Resamples == 0 {
		o.Resamples = 200
	}
	if o.Limit == 0 {
		o.Limit = runtime.NumCPU()
	}
	if o.Level == 0 {
		o.Level = 0.95
	}
}

// Bootstrap returns a confidence interval for the mean of xs, resampling in parallel.
func Bootstrap(ctx context.Context, xs []float64, opts BootstrapOptions) (lo, hi float64, err error) {
	opts.defaults()
	means := make([]float64, opts.Resamples)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(opts.Limit)
	for i := range means {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			r := rand.New(rand.NewSource(opts.Seed + int64(i)))
			s := 0.0
			for range xs {
				s += xs[r.Intn(len(xs))]
			}
			means[i] = s / float64(len(xs))
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return 0, 0, err
	}
	sort.Float64s(means)
	tail := (1 - opts.Level) / 2
	return means[int(tail*float64(len(means)))], means[int((1-tail)*float64(len(means)-1))], nil
}

// RandomWalks runs walkers and gathers their final distances over a channel; the step
// length is halved for the next batch once every walker has reported.
func RandomWalks(walkers, steps, batches int, step float64) []float64 {
	var out []float64
	for b := 0; b < batches; b++ {
		res := make(chan float64)
		for w := 0; w < walkers; w++ {
			go func() {
				r := rand.New(rand.NewSource(int64(b*walkers + w)))
				x, y := 0.0, 0.0
				for i := 0; i < steps; i++ {
					a := r.Float64() * 2 * math.Pi
					x += step * math.Cos(a)
					y += step * math.Sin(a)
				}
				res <- math.Hypot(x, y)
			}()
		}
		for w := 0; w < walkers; w++ {
			out = append(out, <-res)
		}
		step /= 2
	}
	return out
}

// Anneal runs independent annealing chains and keeps the best energy; the chains read the
// temperature, which the caller's schedule lowers while they run.
func Anneal(energy func([]float64) float64, start []float64, chains int, temp float64) float64 {
	best := make([]float64, chains)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for c := 0; c < chains; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewSource(int64(c)))
			x := append([]float64(nil), start...)
			e := energy(x)
			for i := 0; i < 200; i++ {
				j := r.Intn(len(x))
				old := x[j]
				x[j] += r.NormFloat64()
				ne := energy(x)
				if ne < e || r.Float64() < math.Exp((e-ne)/temp) {
					e = ne
				} else {
					x[j] = old
				}
			}
			best[c] = e
		}()
	}
	go func() { wg.Wait(); close(done) }()
	for i := 0; i < 3; i++ {
		temp *= 0.5
	}
	<-done
	m := best[0]
	for _, e := range best[1:] {
		m = min(m, e)
	}
	return m
}
