package mlserve

import (
	"context"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("%s allocs/run: %v", name, testing.AllocsPerRun(50, f))
}

func testRows() []Row {
	return []Row{{ID: "a", Values: []float64{1, 2, 3}}, {ID: "b", Values: []float64{4}}, {ID: "c"}}
}

func testModel() *Model {
	return &Model{
		Name: "m",
		Shards: []*Shard{
			{Name: "s0", Weights: []float64{1, 1}, Bias: 0.5},
			{Name: "s1", Weights: []float64{2, 0}},
		},
		Cfg: Config{Scale: 1, Clip: 100},
	}
}

func testLookup() *Lookup {
	data := make([]float32, 4*3)
	for i := range data {
		data[i] = float32(i)
	}
	return &Lookup{Tables: map[string]*Table{"main": {Name: "main", Dim: 3, Data: data}}, Pool: Pooling{Mean: true}}
}

func testExperiment() Experiment {
	return Experiment{Name: "exp", Arms: []Arm{{Name: "a", Share: 50, Model: testModel()}, {Name: "b", Share: 50, Model: testModel()}}}
}

var users = []string{"u1", "u2", "u3", "u4", "u5"}

func TestFeatures(t *testing.T) {
	rows := testRows()
	if v := Extract(rows); len(v) != 3 || v[0][1] != 2 {
		t.Fatalf("Extract = %v", v)
	}
	if s := ExtractClipped(rows); s[0] != 6 {
		t.Fatalf("ExtractClipped = %v", s)
	}
	if d := ExtractWithServing(rows, Serving{}); d[0] != 3 {
		t.Fatalf("ExtractWithServing = %v", d)
	}
	vocab := map[string]int{"cat": 1, "dog": 2}
	if ids := Tokenize([]string{"The Cat dog", "a bird"}, vocab); len(ids[0]) != 2 || len(ids[1]) != 0 {
		t.Fatalf("Tokenize = %v", ids)
	}
	if n := CountTokens([]string{"cat dog cat", "x"}, vocab); n[0] != 3 || n[1] != 0 {
		t.Fatalf("CountTokens = %v", n)
	}
	if _, err := ExtractUntil(context.Background(), rows[:2]); err != nil {
		t.Fatal(err)
	}
	if r, e := ExtractCounted(rows); r != 3 || e != 1 {
		t.Fatalf("ExtractCounted = %d %d", r, e)
	}
	allocs(t, "Extract", func() { Extract(rows) })
	allocs(t, "ExtractClipped", func() { ExtractClipped(rows) })
	allocs(t, "ExtractWithServing", func() { ExtractWithServing(rows, Serving{}) })
	allocs(t, "Tokenize", func() { Tokenize([]string{"cat", "dog"}, vocab) })
	allocs(t, "CountTokens", func() { CountTokens([]string{"cat", "dog"}, vocab) })
	allocs(t, "ExtractUntil", func() { ExtractUntil(context.Background(), rows[:2]) })
	allocs(t, "ExtractCounted", func() { ExtractCounted(rows) })
}

// The must-decline: every worker is released after the rescale and must read 0.5.
func TestExtractRescaled(t *testing.T) {
	out := ExtractRescaled(testRows())
	if out[0] != 1.5 || out[1] != 0.5 {
		t.Fatalf("ExtractRescaled = %v, want the new scale", out)
	}
}

func TestShards(t *testing.T) {
	m := testModel()
	req := Request{Batch: [][]float64{{1, 1}, {0, 2}}, Trace: "t1"}
	ys, err := PredictBatch(context.Background(), m, req)
	if err != nil || ys[0] != 4.5 {
		t.Fatalf("PredictBatch = %v %v", ys, err)
	}
	if n := PredictTimed(m, req); n[1] != "t1/s1" {
		t.Fatalf("PredictTimed = %v", n)
	}
	if g, err := PredictGathered(context.Background(), m, req.Batch); err != nil || g[0] != 4.5 {
		t.Fatalf("PredictGathered = %v %v", g, err)
	}
	if d, err := PredictDeadline(m, req.Batch); err != nil || d[0] != 5 {
		t.Fatalf("PredictDeadline = %v %v", d, err)
	}
	if w := Warmup([]*Model{m, m}); w != 4 {
		t.Fatalf("Warmup = %d", w)
	}
	if r := PredictRetrying(m, req.Batch); len(r) != 2 {
		t.Fatalf("PredictRetrying = %v", r)
	}
	allocs(t, "PredictBatch", func() { PredictBatch(context.Background(), m, req) })
	allocs(t, "PredictTimed", func() { PredictTimed(m, req) })
	allocs(t, "PredictGathered", func() { PredictGathered(context.Background(), m, req.Batch) })
	allocs(t, "PredictDeadline", func() { PredictDeadline(m, req.Batch) })
	allocs(t, "Warmup", func() { Warmup([]*Model{m}) })
}

func TestEmbed(t *testing.T) {
	l := testLookup()
	if e := EmbedAll(l, "main", [][]string{{"x", "y"}, {""}}); len(e[0]) != 3 || e[1][0] != 0 {
		t.Fatalf("EmbedAll = %v", e)
	}
	if e := EmbedLocal(l, "main", []string{"x", ""}); e[1][2] != 2 {
		t.Fatalf("EmbedLocal = %v", e)
	}
	if d := EmbedDims(l, []string{"main", "none"}); d[0] != 4 || d[1] != 0 {
		t.Fatalf("EmbedDims = %v", d)
	}
	if n := EmbedCancellable(context.Background(), l, "main", []string{"x", "y"}); n != 2 {
		t.Fatalf("EmbedCancellable = %d", n)
	}
	allocs(t, "EmbedAll", func() { EmbedAll(l, "main", [][]string{{"x"}}) })
	allocs(t, "EmbedLocal", func() { EmbedLocal(l, "main", []string{"x"}) })
	allocs(t, "EmbedDims", func() { EmbedDims(l, []string{"main"}) })
	allocs(t, "EmbedCancellable", func() { EmbedCancellable(context.Background(), l, "main", []string{"x"}) })
}

// The must-decline: readers start after the swap and must see the new table.
func TestHotSwap(t *testing.T) {
	next := &Table{Name: "next", Dim: 7}
	if d := HotSwap(testLookup(), next, []string{"a", "b"}); d[0] != 7 || d[1] != 7 {
		t.Fatalf("HotSwap = %v, want the swapped table's dim", d)
	}
}

func TestRouting(t *testing.T) {
	exp := testExperiment()
	r := RouteAll(exp, users)
	if len(r) != len(users) {
		t.Fatalf("RouteAll = %v", r)
	}
	if f := RouteWithFallback(exp, users); f[0] != "a" && f[0] != "b" {
		t.Fatalf("RouteWithFallback = %v", f)
	}
	c := ArmCounts(exp, users)
	if c["a"]+c["b"] != len(users) {
		t.Fatalf("ArmCounts = %v", c)
	}
	if l, s := Shadow(exp, [][]float64{{1, 1}}); l != 2.5 || s != 2.5 {
		t.Fatalf("Shadow = %v %v", l, s)
	}
	allocs(t, "RouteAll", func() { RouteAll(exp, users) })
	allocs(t, "RouteWithFallback", func() { RouteWithFallback(exp, users) })
	allocs(t, "ArmCounts", func() { ArmCounts(exp, users) })
}

// The must-decline: the served arm's name is what Rollout returns.
func TestRollout(t *testing.T) {
	if n := Rollout(testExperiment(), users); n != "a" && n != "b" {
		t.Fatalf("Rollout = %q, want an arm's name", n)
	}
}

func TestScoring(t *testing.T) {
	raw := []float64{-1, 0, 2}
	rows := [][]float64{{1, 2}, {4}}
	if s := ScoreAll(raw); s[1] != 0.5 {
		t.Fatalf("ScoreAll = %v", s)
	}
	if b := BlendAll(rows); b[0] != 2 || b[1] != 4 {
		t.Fatalf("BlendAll = %v", b)
	}
	if s := ScoreByValue(raw); s[1] != 0.5 {
		t.Fatalf("ScoreByValue = %v", s)
	}
	if b := BlendByMethodValue(rows); b[0] != 1 {
		t.Fatalf("BlendByMethodValue = %v", b)
	}
	tr, idx := RankWithin(context.Background(), &scoreConfig{}, rows)
	if tr[0] != "budget=50ms" || len(idx) != 2 {
		t.Fatalf("RankWithin = %v %v", tr, idx)
	}
	if k := Filter(scoreConfig{}, raw); !k[2] || k[0] {
		t.Fatalf("Filter = %v", k)
	}
	if v, err := ValidateThenScore(raw); err != nil || v[2] != 2 {
		t.Fatalf("ValidateThenScore = %v %v", v, err)
	}
	if v, note := WarnThenScore(raw); note != "" || v[0] != -1 {
		t.Fatalf("WarnThenScore = %v %q", v, note)
	}
	m := testModel()
	if d := Describe([]*Model{m}); d[0] != "m: ranker-v3 dim=16 scale=1" {
		t.Fatalf("Describe = %v", d)
	}
	allocs(t, "ScoreAll", func() { ScoreAll(raw) })
	allocs(t, "BlendAll", func() { BlendAll(rows) })
	allocs(t, "ScoreByValue", func() { ScoreByValue(raw) })
	allocs(t, "BlendByMethodValue", func() { BlendByMethodValue(rows) })
	allocs(t, "RankWithin", func() { RankWithin(context.Background(), &scoreConfig{}, rows) })
	allocs(t, "Filter", func() { Filter(scoreConfig{}, raw) })
	allocs(t, "ValidateThenScore", func() { ValidateThenScore(raw) })
	allocs(t, "WarnThenScore", func() { WarnThenScore(raw) })
	allocs(t, "Describe", func() { Describe([]*Model{m}) })
}

// The must-decline: the goroutines are released after the recalibration and must blend with temp 4.
func TestRecalibrated(t *testing.T) {
	if b := Recalibrated([][]float64{{4}}); b[0] != 1 {
		t.Fatalf("Recalibrated = %v, want the new temperature", b)
	}
}

func TestMetrics(t *testing.T) {
	m := testModel()
	var met Metrics
	reqs := []Request{{Batch: [][]float64{{1, 1}}}, {Batch: [][]float64{{0, 0}}}}
	if o := ServeBatch(m, reqs, &met); o[0][0] != 4.5 || met.Requests.Load() != 2 {
		t.Fatalf("ServeBatch = %v", o)
	}
	if l := WorkerLatencies([][]float64{{1}, {1, 2}}, 2); l[1] != "2000000ns" {
		t.Fatalf("WorkerLatencies = %v", l)
	}
	if h := Histogram([]float64{0.05, 0.95, 1}, 2); h[0] != 1 || h[7] != 1 {
		t.Fatalf("Histogram = %v", h)
	}
	if r := Report([]*Model{m}); r != "models=1 m shards=2\n" {
		t.Fatalf("Report = %q", r)
	}
	if err := Probe(context.Background(), m, time.Second); err != nil {
		t.Fatal(err)
	}
	allocs(t, "ServeBatch", func() { ServeBatch(m, reqs, &met) })
	allocs(t, "WorkerLatencies", func() { WorkerLatencies([][]float64{{1}}, 2) })
	allocs(t, "Histogram", func() { Histogram([]float64{0.5}, 2) })
	allocs(t, "Report", func() { Report([]*Model{m}) })
	allocs(t, "Probe", func() { Probe(context.Background(), m, time.Second) })
}

// The must-declines: workers judge by the strict config; the drift is the largest score seen.
func TestRetuneAndDrift(t *testing.T) {
	if k := Retune(scoreConfig{MinScore: 0}, scoreConfig{MinScore: 10}, []float64{1, 2}); k[0] || k[1] {
		t.Fatalf("Retune = %v, want the strict config", k)
	}
	if d := Drift([][]float64{{1, 3}, {2}}); d != 3 {
		t.Fatalf("Drift = %v", d)
	}
}

func TestPricing(t *testing.T) {
	ms := []*Model{testModel()}
	if q := Quotes(ms, 1); q[0] != 0.4 {
		t.Fatalf("Quotes = %v", q)
	}
	if q := QuoteNested(ms, Serving{}); q[0] != 12 {
		t.Fatalf("QuoteNested = %v", q)
	}
	allocs(t, "Quotes", func() { Quotes(ms, 1) })
	allocs(t, "QuoteNested", func() { QuoteNested(ms, Serving{}) })
}
