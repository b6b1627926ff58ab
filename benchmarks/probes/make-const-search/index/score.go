package index

import (
	"container/heap"
	"math"
	"sync"
)

// NumFields is the number of scored fields: title, body, anchor, url.
const NumFields = 4

// MaxK is the largest result page a search may ask for.
const MaxK = 100

// BM25 scores documents with per-field weights.
type BM25 struct {
	K1, B   float64
	Weights [NumFields]float64
	AvgLen  [NumFields]float64
}

// Score is the BM25F score of one document: tf[t][f] is the frequency of
// query term t in field f, idf[t] its inverse document frequency.
func (s *BM25) Score(tf [][NumFields]int, lens [NumFields]int, idf []float64) float64 {
	if len(tf) > MaxQueryTerms || len(idf) != len(tf) {
		return 0
	}
	per := make([]float64, len(tf)*NumFields)
	for t := range tf {
		for f := 0; f < NumFields; f++ {
			norm := 1 - s.B + s.B*float64(lens[f])/s.AvgLen[f]
			per[t*NumFields+f] = s.Weights[f] * float64(tf[t][f]) / norm
		}
	}
	total := 0.0
	for t := range tf {
		w := 0.0
		for f := 0; f < NumFields; f++ {
			w += per[t*NumFields+f]
		}
		total += idf[t] * w * (s.K1 + 1) / (w + s.K1)
	}
	return total
}

// IDF computes inverse document frequencies for a query's terms.
func IDF(q *Query, df func(string) int, docs int) float64 {
	idf := make([]float64, q.Len())
	for i := range idf {
		n := float64(df(q.terms[i]))
		idf[i] = math.Log(1 + (float64(docs)-n+0.5)/(n+0.5))
	}
	sum := 0.0
	for _, v := range idf {
		sum += v
	}
	return sum
}

type hit struct {
	doc   int
	score float64
}

type minHeap []hit

func (h minHeap) Len() int           { return len(h) }
func (h minHeap) Less(i, j int) bool { return h[i].score < h[j].score }
func (h minHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)        { *h = append(*h, x.(hit)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// KthScore is the score a document must beat to enter the top k, by a
// hand-rolled min-heap of k hits.
func KthScore(scores []float64, k int) float64 {
	if k <= 0 {
		return 0
	}
	if k > MaxK {
		k = MaxK
	}
	h := make([]float64, 0, k)
	for _, s := range scores {
		if len(h) < k {
			h = append(h, s)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if h[p] <= h[i] {
					break
				}
				h[p], h[i] = h[i], h[p]
				i = p
			}
			continue
		}
		if s <= h[0] {
			continue
		}
		h[0] = s
		for i := 0; ; {
			l, r, m := 2*i+1, 2*i+2, i
			if l < len(h) && h[l] < h[m] {
				m = l
			}
			if r < len(h) && h[r] < h[m] {
				m = r
			}
			if m == i {
				break
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	if len(h) < k {
		return 0
	}
	return h[0]
}

// TopK returns the best k documents, best first.
func TopK(scores []float64, k int) []int {
	k = min(k, MaxK, len(scores))
	h := make(minHeap, 0, k)
	for doc, s := range scores {
		if h.Len() < k {
			heap.Push(&h, hit{doc, s})
		} else if k > 0 && s > h[0].score {
			h[0] = hit{doc, s}
			heap.Fix(&h, 0)
		}
	}
	out := make([]int, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&h).(hit).doc
	}
	return out
}

// ScoreShards scores each shard's document in a goroutine and sums the scores.
func ScoreShards(s *BM25, tfs [][][NumFields]int, lens [NumFields]int, idf []float64) float64 {
	if len(tfs) > 8 {
		return 0
	}
	part := make([]float64, len(tfs))
	var wg sync.WaitGroup
	for i := range tfs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			part[i] = s.Score(tfs[i], lens, idf)
		}(i)
	}
	wg.Wait()
	total := 0.0
	for _, p := range part {
		total += p
	}
	return total
}

// Prefetch starts scoring in the background; the caller reads the result
// later from the channel, after the buffer is refilled for the next batch.
func Prefetch(s *BM25, tfs [][][NumFields]int, lens [NumFields]int, idf []float64) <-chan float64 {
	if len(tfs) > 8 {
		return nil
	}
	part := make([]float64, len(tfs))
	done := make(chan float64, 1)
	go func() {
		total := 0.0
		for i := range tfs {
			part[i] = s.Score(tfs[i], lens, idf)
			total += part[i]
		}
		done <- total
	}()
	return done
}
