package goos_suffix

// Fields splits up to 4 fields of a /proc line.
func Fields(line []byte, n int) int {
	if n > 4 {
		return 0
	}
	ends := make([]int, n) // want(<go1.25) "make\\(\\[\\]int, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, n\\) does not escape"
	for i := range ends {
		ends[i] = len(line) * i / max(n, 1)
	}
	return len(ends)
}
