package svc

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type weights struct{ k int }

func (w weights) score(x int) int { return x * w.k }

type model struct {
	*weights
	name string
}

// PromotedBound binds a value method promoted through an embedded pointer, then retunes the weights.
func PromotedBound(xs []int) string {
	wt := &weights{k: 2}
	m := model{weights: wt, name: "m"}
	score := m.score
	wt.k = 10
	var mu sync.Mutex
	var got []string
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, fmt.Sprint(score(x)))
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(got)
	return strings.Join(got, ",")
}

type scorer struct {
	k    int
	base *int
}

func (s scorer) score(x int) int { return x*s.k + *s.base }

// BoundThroughPointerField binds a value method whose receiver holds a pointer changed later.
func BoundThroughPointerField(xs []int) string {
	b := 1
	sc := scorer{k: 2, base: &b}
	score := sc.score
	b = 100
	var mu sync.Mutex
	var got []string
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, fmt.Sprint(score(x)))
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(got)
	return strings.Join(got, ",")
}

type ranker interface{ score(int) int }

// IfaceBound binds an interface's method and then swaps the interface value.
func IfaceBound(xs []int) string {
	var r ranker = scorer{k: 3, base: new(int)}
	score := r.score
	r = scorer{k: 5, base: new(int)}
	_ = r
	var mu sync.Mutex
	var got []string
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, fmt.Sprint(score(x)))
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(got)
	return strings.Join(got, ",")
}
