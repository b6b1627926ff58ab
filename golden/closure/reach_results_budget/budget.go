// Package budget runs queries one after another under a shared cost budget.
package budget

// Result is one query's answer and what it cost.
type Result struct {
	Rows int
	Cost int
}

// Run runs each query in its own goroutine, with a timeout-free handoff, and stops once the
// budget is spent; each query sees the budget left after the ones before it.
func Run(queries []string, budget int, exec func(q string, budget int) Result) []Result { // want "moved to heap: budget"
	var out []Result
	for _, q := range queries {
		if budget <= 0 {
			break
		}
		res := make(chan Result, 1)
		go func() { // want "func literal escapes to heap"
			res <- exec(q, budget)
		}()
		r := <-res
		budget -= r.Cost
		out = append(out, r)
	}
	return out
}
