package mlserve

import "sync"

// costModel prices inference per shard; rates is shared with the billing exporter.
type costModel struct {
	rates *[4]float64
	unit  string
}

func (c costModel) cost(shards int, tier int) float64 {
	if tier < 0 || tier >= len(c.rates) {
		return 0
	}
	return float64(shards) * c.rates[tier]
}

func (c costModel) label() string { return c.unit }

// Quotes prices each model under a tier; the cost model's rates are read through its pointer by value methods.
func Quotes(models []*Model, tier int) []float64 {
	rates := [4]float64{0.1, 0.2, 0.4, 0.8}
	cm := costModel{rates: &rates, unit: "usd"}
	out := make([]float64, len(models))
	var wg sync.WaitGroup
	for i, m := range models {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if cm.label() != "" {
				out[i] = cm.cost(len(m.Shards), tier)
			}
		}()
	}
	wg.Wait()
	return out
}

// QuoteNested reads the cost model's rates through a nested field of the serving config in each goroutine.
func QuoteNested(models []*Model, s Serving) []float64 {
	s.Cfg.normalize()
	rates := [4]float64{1, 2, 3, 4}
	out := make([]float64, len(models))
	var wg sync.WaitGroup
	for i, m := range models {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tier := min(len(m.Shards), len(rates)-1)
			out[i] = rates[tier] * float64(s.Cfg.Dim) / float64(s.Cfg.Workers)
		}()
	}
	wg.Wait()
	return out
}
