package mlserve

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
)

// Row is one raw input row.
type Row struct {
	ID     string
	Values []float64
	Text   string
}

// Vector is one extracted feature vector.
type Vector []float64

// Extract runs the feature extraction over rows with cfg.Workers workers, each taking every Workers-th row.
func Extract(rows []Row) []Vector {
	cfg := loadConfig()
	cfg.normalize()
	out := make([]Vector, len(rows))
	var wg sync.WaitGroup
	for w := 0; w < cfg.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(rows); i += cfg.Workers {
				v := make(Vector, cfg.Dim)
				for j, x := range rows[i].Values {
					if j < cfg.Dim {
						v[j] = x*cfg.Scale + cfg.Bias
					}
				}
				out[i] = v
			}
		}()
	}
	wg.Wait()
	return out
}

// ExtractClipped clips through the config's pointer method in every worker.
func ExtractClipped(rows []Row) []float64 {
	cfg := loadConfig()
	cfg.normalize()
	sums := make([]float64, len(rows))
	var wg sync.WaitGroup
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := 0.0
			for _, x := range r.Values {
				s += cfg.apply(x)
			}
			sums[i] = s
		}()
	}
	wg.Wait()
	return sums
}

// ExtractWithServing reads the nested config through the serving struct in each goroutine.
func ExtractWithServing(rows []Row, s Serving) []int {
	s.Cfg.normalize()
	if s.Limits.MaxDim == 0 {
		s.Limits.MaxDim = 64
	}
	dims := make([]int, len(rows))
	var wg sync.WaitGroup
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := len(r.Values)
			if n > s.Cfg.Dim {
				n = s.Cfg.Dim
			}
			if n > s.Limits.MaxDim {
				n = s.Limits.MaxDim
			}
			dims[i] = n
		}()
	}
	wg.Wait()
	return dims
}

// Tokenizer splits text into known tokens.
type Tokenizer struct {
	Lower bool
	Stop  map[string]bool
	Vocab map[string]int
	Cfg   Config
}

func (t *Tokenizer) ids(s string) []int {
	if t.Lower {
		s = strings.ToLower(s)
	}
	var out []int
	for _, w := range strings.Fields(s) {
		if t.Stop[w] {
			continue
		}
		if id, ok := t.Vocab[w]; ok && len(out) < t.Cfg.Dim {
			out = append(out, id)
		}
	}
	return out
}

// width reads the tokenizer through an explicit dereference, as older code does.
func (t *Tokenizer) width() int {
	return (*t).Cfg.Dim
}

// Tokenize fans out over texts with a tokenizer configured before the goroutines.
func Tokenize(texts []string, vocab map[string]int) [][]int {
	tok := Tokenizer{Lower: true, Stop: map[string]bool{"the": true, "a": true}, Vocab: vocab}
	tok.Cfg.normalize()
	out := make([][]int, len(texts))
	var wg sync.WaitGroup
	wg.Add(len(texts))
	for i, s := range texts {
		go func() {
			defer wg.Done()
			ids := tok.ids(s)
			if len(ids) > tok.width() {
				ids = ids[:tok.width()]
			}
			out[i] = ids
		}()
	}
	wg.Wait()
	return out
}

// CountTokens counts tokens per text, the tokenizer read through a pointer inside each goroutine.
func CountTokens(texts []string, vocab map[string]int) []int {
	tok := Tokenizer{Lower: true, Vocab: vocab}
	tok.Cfg = loadConfig()
	tok.Cfg.normalize()
	counts := make([]int, len(texts))
	var wg sync.WaitGroup
	for i, s := range texts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := &tok
			n := 0
			for _, w := range strings.Fields(s) {
				if _, ok := (*p).Vocab[w]; ok {
					n++
				}
			}
			counts[i] = n
		}()
	}
	wg.Wait()
	return counts
}

// ExtractUntil stops early when the context is cancelled; workers skip the rest.
func ExtractUntil(ctx context.Context, rows []Row) ([]Vector, error) {
	cfg := loadConfig()
	cfg.normalize()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make([]Vector, len(rows))
	var wg sync.WaitGroup
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ctx.Err() != nil {
				return
			}
			v := make(Vector, 0, cfg.Dim)
			for _, x := range r.Values {
				v = append(v, cfg.apply(x))
			}
			if len(v) == 0 {
				cancel()
			}
			out[i] = v
		}()
	}
	wg.Wait()
	return out, ctx.Err()
}

// featureStats counts rows as the extractors see them.
type featureStats struct {
	rows  atomic.Int64
	empty atomic.Int64
}

// ExtractCounted bumps shared counters from every worker and reads them after the wait.
func ExtractCounted(rows []Row) (int64, int64) {
	cfg := loadConfig()
	cfg.normalize()
	var st featureStats
	var wg sync.WaitGroup
	for _, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st.rows.Add(1)
			if len(r.Values) == 0 || len(r.Values) > cfg.Dim*4 {
				st.empty.Add(1)
			}
		}()
	}
	wg.Wait()
	return st.rows.Load(), st.empty.Load()
}

// ExtractRescaled is a must-decline: the scale is changed under the lock after the workers start and before they
// are released, so every worker must read the new scale.
func ExtractRescaled(rows []Row) []float64 {
	cfg := loadConfig()
	cfg.normalize()
	var mu sync.Mutex
	start := make(chan struct{})
	out := make([]float64, len(rows))
	var wg sync.WaitGroup
	for i, r := range rows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			scale := cfg.Scale
			mu.Unlock()
			out[i] = float64(len(r.Values)) * scale
		}()
	}
	mu.Lock()
	cfg.Scale = 0.5
	mu.Unlock()
	close(start)
	wg.Wait()
	return out
}
