package mlserve

import (
	"context"
	"math"
	"sort"
	"sync"
	"time"
)

// scorer turns raw model outputs into calibrated scores.
type scorer struct {
	temp    float64
	floor   float64
	weights [4]float64
	name    string
}

func newScorer(name string) scorer {
	return scorer{temp: 1, name: name, weights: [4]float64{1, 0.5, 0.25, 0.125}}
}

// score is the value method the hot path calls.
func (s scorer) score(x float64) float64 {
	y := 1 / (1 + math.Exp(-x/s.temp))
	return math.Max(y, s.floor)
}

// blend reads the receiver through its pointer.
func (s *scorer) blend(xs []float64) float64 {
	t := 0.0
	for i, x := range xs {
		if i < len(s.weights) {
			t += s.weights[i] * x
		}
	}
	return t / s.temp
}

// calibrate sets the temperature from a validation sample.
func (s *scorer) calibrate(sample []float64) {
	m := 0.0
	for _, x := range sample {
		m = math.Max(m, math.Abs(x))
	}
	if m > 0 {
		s.temp = m
	}
}

// ScoreAll scores every output through the scorer's value method in a goroutine per chunk.
func ScoreAll(raw []float64) []float64 {
	sc := newScorer("default")
	sc.calibrate(raw)
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for lo := 0; lo < len(raw); lo += 128 {
		hi := min(lo+128, len(raw))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				out[i] = sc.score(raw[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// BlendAll blends feature rows through the pointer method in every goroutine.
func BlendAll(rows [][]float64) []float64 {
	sc := newScorer("blend")
	sc.floor = 0.01
	out := make([]float64, len(rows))
	var wg sync.WaitGroup
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = sc.blend(r)
		}()
	}
	wg.Wait()
	return out
}

// ScoreByValue captures the method value of a value-receiver method: the scorer is copied where score is made.
func ScoreByValue(raw []float64) []float64 {
	sc := newScorer("mv")
	sc.calibrate(raw)
	score := sc.score
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = score(x)
		}()
	}
	wg.Wait()
	return out
}

// BlendByMethodValue captures the method value of a pointer-receiver method: it holds &sc.
func BlendByMethodValue(rows [][]float64) []float64 {
	sc := newScorer("mv-ptr")
	sc.temp = 2
	blend := sc.blend
	out := make([]float64, len(rows))
	var wg sync.WaitGroup
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = blend(r)
		}()
	}
	wg.Wait()
	return out
}

// Recalibrated is a must-decline: the method value binds &sc, and the scorer is recalibrated after the first half
// of the goroutines started and before the second half are released, which must see the new temperature.
func Recalibrated(rows [][]float64) []float64 {
	sc := newScorer("recal")
	blend := sc.blend
	out := make([]float64, len(rows))
	release := make(chan struct{})
	var wg sync.WaitGroup
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			out[i] = blend(r)
		}()
	}
	sc.temp = 4
	close(release)
	wg.Wait()
	return out
}

// scoreConfig is what the scoring service is configured with.
type scoreConfig struct {
	Timeout  time.Duration
	MinScore float64
	TopK     int
}

// RankWithin ranks candidates in parallel, each goroutine naming its budget in the trace.
func RankWithin(ctx context.Context, cfg *scoreConfig, cands [][]float64) ([]string, []int) {
	c := *cfg
	if c.Timeout == 0 {
		c.Timeout = 50 * time.Millisecond
	}
	if c.TopK == 0 {
		c.TopK = 3
	}
	sc := newScorer("rank")
	traces := make([]string, len(cands))
	scores := make([]float64, len(cands))
	var wg sync.WaitGroup
	for i, x := range cands {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := &c
			traces[i] = "budget=" + p.Timeout.String()
			scores[i] = sc.score(sc.blend(x))
		}()
	}
	wg.Wait()
	idx := make([]int, len(cands))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return scores[idx[a]] > scores[idx[b]] })
	if len(idx) > c.TopK {
		idx = idx[:c.TopK]
	}
	return traces, idx
}

// thresholds hold a pointer to the shared config; its methods only read through it.
type thresholds struct {
	cfg   *scoreConfig
	boost float64
}

func (t thresholds) pass(s float64) bool {
	return s+t.boost >= t.cfg.MinScore
}

func (t thresholds) budget() time.Duration {
	return t.cfg.Timeout
}

// Filter keeps the candidates over the threshold; the thresholds hold the config's address.
func Filter(cfg scoreConfig, raw []float64) []bool {
	if cfg.MinScore == 0 {
		cfg.MinScore = 0.5
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = time.Second
	}
	th := thresholds{cfg: &cfg, boost: 0.1}
	sc := newScorer("filter")
	keep := make([]bool, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			keep[i] = th.pass(sc.score(x)) && th.budget() > 0
		}()
	}
	wg.Wait()
	return keep
}

// ValidateThenScore validates the config through a validator holding its address before the goroutines.
func ValidateThenScore(raw []float64) ([]float64, error) {
	c := loadConfig()
	c.normalize()
	v := validator{cfg: &c, limits: Limits{MaxBatch: 1024, MaxDim: 512}}
	if err := v.check(); err != nil {
		return nil, err
	}
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = c.apply(x)
		}()
	}
	wg.Wait()
	return out, nil
}

// WarnThenScore validates through the validator's pointer method, then reads the config's fields in each goroutine.
func WarnThenScore(raw []float64) ([]float64, string) {
	c := loadConfig()
	c.normalize()
	v := validator{cfg: &c, limits: Limits{MaxDim: 512}}
	note := v.warn()
	out := make([]float64, len(raw))
	var wg sync.WaitGroup
	for i, x := range raw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = x*c.Scale + c.Bias
		}()
	}
	wg.Wait()
	return out, note
}

// Describe prints the config's summary from each goroutine through the value method.
func Describe(models []*Model) []string {
	cfg := loadConfig()
	cfg.normalize()
	out := make([]string, len(models))
	var wg sync.WaitGroup
	for i, m := range models {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = m.Name + ": " + cfg.describe()
		}()
	}
	wg.Wait()
	return out
}
