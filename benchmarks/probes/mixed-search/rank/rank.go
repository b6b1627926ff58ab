// Package rank scores documents with BM25 and keeps the best k.
package rank

import (
	"container/heap"
	"math"
	"sort"

	"example.com/probes/mixed-search/limits"
)

// Stats are the collection statistics BM25 needs.
type Stats struct {
	Docs       int
	AvgLen     float64
	DocFreq    map[string]int
	K1, B      float64
	FieldBoost map[string]float64
}

// Doc is one scored candidate.
type Doc struct {
	ID    uint64
	Len   int
	Freqs map[string]int
}

// Hit is a scored document.
type Hit struct {
	ID    uint64
	Score float64
}

// idf is the BM25 inverse document frequency of a term.
func (s *Stats) idf(term string) float64 {
	df := float64(s.DocFreq[term])
	return math.Log(1 + (float64(s.Docs)-df+0.5)/(df+0.5))
}

// Score is the BM25 score of d for terms.
func (s *Stats) Score(d *Doc, terms []string) float64 {
	var total float64
	for _, t := range terms {
		tf := float64(d.Freqs[t])
		if tf == 0 {
			continue
		}
		norm := 1 - s.B + s.B*float64(d.Len)/s.AvgLen
		total += s.idf(t) * tf * (s.K1 + 1) / (tf + s.K1*norm)
	}
	return total
}

// ScoreAll scores docs for terms with a per-query idf table computed once.
func (s *Stats) ScoreAll(docs []Doc, terms []string) []Hit {
	if len(terms) > limits.MaxQueryTerms {
		terms = terms[:limits.MaxQueryTerms]
	}
	idfs := make([]float64, len(terms))
	for i, t := range terms {
		idfs[i] = s.idf(t)
	}
	hits := make([]Hit, 0, len(docs))
	for i := range docs {
		d := &docs[i]
		norm := 1 - s.B + s.B*float64(d.Len)/s.AvgLen
		var total float64
		for j, t := range terms {
			tf := float64(d.Freqs[t])
			total += idfs[j] * tf * (s.K1 + 1) / (tf + s.K1*norm)
		}
		if total > 0 {
			hits = append(hits, Hit{d.ID, total})
		}
	}
	return hits
}

// BestScore returns the highest BM25 score among docs, with a per-query table
// of weights sized by the term count.
func (s *Stats) BestScore(docs []Doc, terms []string) float64 {
	if len(terms) > limits.MaxQueryTerms {
		return 0
	}
	weights := make([]float64, len(terms))
	for i, t := range terms {
		weights[i] = s.idf(t) * (s.K1 + 1)
	}
	best := 0.0
	for i := range docs {
		norm := 1 - s.B + s.B*float64(docs[i].Len)/s.AvgLen
		var total float64
		for j, t := range terms {
			tf := float64(docs[i].Freqs[t])
			total += weights[j] * tf / (tf + s.K1*norm)
		}
		best = max(best, total)
	}
	return best
}

type hitHeap []Hit

func (h hitHeap) Len() int           { return len(h) }
func (h hitHeap) Less(i, j int) bool { return h[i].Score < h[j].Score }
func (h hitHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)        { *h = append(*h, x.(Hit)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// TopK returns the k best hits, best first.
func TopK(hits []Hit, k int) []Hit {
	h := make(hitHeap, 0, k)
	for _, x := range hits {
		if len(h) < k {
			heap.Push(&h, x)
		} else if k > 0 && x.Score > h[0].Score {
			h[0] = x
			heap.Fix(&h, 0)
		}
	}
	out := make([]Hit, len(h))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&h).(Hit)
	}
	return out
}

// Threshold returns the score of the TopK-th best hit, 0 if fewer hits.
func Threshold(hits []Hit) float64 {
	best := make([]float64, 0, limits.TopK)
	for _, x := range hits {
		if len(best) < limits.TopK {
			best = append(best, x.Score)
			sort.Float64s(best)
		} else if x.Score > best[0] {
			best[0] = x.Score
			sort.Float64s(best)
		}
	}
	if len(best) < limits.TopK {
		return 0
	}
	return best[0]
}

// TopIDs returns the ids of the TopK best hits into a fixed table.
func TopIDs(hits []Hit, out *[limits.TopK]uint64) int {
	sorted := make([]Hit, len(hits))
	copy(sorted, hits)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Score > sorted[j].Score })
	n := copy(out[:], idsOf(sorted))
	return n
}

func idsOf(hits []Hit) []uint64 {
	ids := make([]uint64, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

// Normalize scales scores into [0, 1] by the best one, in place.
func Normalize(hits []Hit) {
	best := 0.0
	for _, h := range hits {
		best = max(best, h.Score)
	}
	if best == 0 {
		return
	}
	for i := range hits {
		hits[i].Score /= best
	}
}
