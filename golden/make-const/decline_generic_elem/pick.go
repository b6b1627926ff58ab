// Package pick selects elements by index.
package pick

// Every returns how many of the elements at step intervals are non-zero: T's size is not
// known until instantiation, so no buffer length can be chosen.
func Every[T comparable](xs []T, step int) int {
	var zero T
	picked := make([]T, 0, len(xs)/step+1) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "the size of T is not known"
	for i := 0; i < len(xs); i += step {
		picked = append(picked, xs[i])
	}
	n := 0
	for _, x := range picked {
		if x != zero {
			n++
		}
	}
	return n
}

// EveryOther counts the non-zero IDs at even positions.
func EveryOther(ids []int) int { return Every(ids, 2) }
