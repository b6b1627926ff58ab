// Package route prices the paths the arcade's AI follows.
package route

// maxPath is the longest route the AI follows.
const maxPath = 256

// Cost walks prev back from goal and sums the step costs in travel order; -1 past maxPath steps. The pass
// that goes on ends with the guard, so the loop leaves steps at most maxPath: the route fits 256 int32s.
func Cost(prev []int32, cost []uint8, start, goal int) int {
	steps := 0
	for at := goal; at != start; at = int(prev[at]) {
		steps++
		if steps > maxPath {
			return -1
		}
	}
	route := make([]int32, 0, steps) // want(<go1.25) "make\\(\\[\\]int32, 0, steps\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int32, 0, steps\\) does not escape"
	for at := goal; at != start; at = int(prev[at]) {
		route = append(route, int32(at))
	}
	total := 0
	for i := len(route) - 1; i >= 0; i-- {
		total += int(cost[route[i]])
	}
	return total
}
