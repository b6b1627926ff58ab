package rules

import (
	"container/heap"
	"sort"
)

// Ranked is a rule with its priority.
type Ranked struct {
	Name     string
	Priority int
}

// byPriority sorts rules, highest priority first.
type byPriority []Ranked

func (b byPriority) Len() int           { return len(b) }
func (b byPriority) Less(i, j int) bool { return b[i].Priority > b[j].Priority }
func (b byPriority) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

// byName sorts rules by name.
type byName []Ranked

func (b byName) Len() int           { return len(b) }
func (b byName) Less(i, j int) bool { return b[i].Name < b[j].Name }
func (b byName) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

// SortRules orders rules in place by priority.
func SortRules(rs []Ranked) {
	sort.Sort(byPriority(rs))
}

// SortBy orders rules by the key the caller names.
func SortBy(rs []Ranked, key string) {
	sorters := map[string]sort.Interface{"priority": byPriority(rs), "name": byName(rs)}
	if s, ok := sorters[key]; ok {
		sort.Sort(s)
	}
}

// SortByName orders rules by name through the adapter table.
func SortByName(rs []Ranked) {
	adapters := [2]any{byPriority(rs), byName(rs)}
	sort.Sort(adapters[1].(sort.Interface))
}

// rankHeap is a max-heap of rules.
type rankHeap []Ranked

func (h rankHeap) Len() int           { return len(h) }
func (h rankHeap) Less(i, j int) bool { return h[i].Priority > h[j].Priority }
func (h rankHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *rankHeap) Push(x any)        { *h = append(*h, x.(Ranked)) }
func (h *rankHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

// Top returns the k highest-priority rule names.
func Top(rs []Ranked, k int) []string {
	h := make(rankHeap, 0, len(rs))
	for _, r := range rs {
		heap.Push(&h, r)
	}
	out := make([]string, 0, k)
	for h.Len() > 0 && len(out) < k {
		out = append(out, heap.Pop(&h).(Ranked).Name)
	}
	return out
}

// Best returns the highest-priority rule of two.
func Best(a, b Ranked) string {
	h := rankHeap{a, b}
	heap.Init(&h)
	top := heap.Pop(&h).(Ranked)
	return top.Name
}
