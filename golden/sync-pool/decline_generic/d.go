// Package generic allocates a buffer of a type parameter.
package generic

// Count makes a large buffer of T: a package-level pool cannot name T.
func Count[T comparable](xs []T, x T) int {
	buf := make([]T, 0, 1<<17) // want "make\\(\\[\\]go.shape.int, 0, 131072\\) escapes to heap" // declined "the function is generic"
	for _, v := range xs {
		if v == x {
			buf = append(buf, v)
		}
	}
	return len(buf)
}

// Ints keeps Count instantiated.
func Ints(xs []int) int { return Count(xs, 3) }
