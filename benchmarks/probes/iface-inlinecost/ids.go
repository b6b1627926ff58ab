package conf

import "fmt"

// reqIDs numbers the requests a reload makes.
type reqIDs struct{ n int }

// Next is the next request's id.
func (r *reqIDs) Next() string {
	r.n++
	return fmt.Sprintf("reload-%d", r.n)
}

// Reloads counts the bytes of ids a reload of n files writes into its log.
func Reloads(n int) int {
	ids := reqIDs{n: 300}
	total := 0
	for i := 0; i < n; i++ {
		total += len(ids.Next())
	}
	return total
}
