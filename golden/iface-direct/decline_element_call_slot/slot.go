// Package slot spreads values over a primary and a secondary counter by their position.
package slot

// Counter accumulates values.
type Counter interface{ Add(int) }

type sum struct{ n int }

func (s *sum) Add(v int) { s.n += v }

// Spread adds the even-positioned values to the first counter, the odd ones to the second.
func Spread(vals []int) (int, int) {
	var a, b sum // want "moved to heap: a" // declined "a call reads cs[i%2]: which element is not known here"
	cs := [...]Counter{&a, &b}
	for i, v := range vals {
		cs[i%2].Add(v)
	}
	return a.n, b.n
}
