package two_functions

// Min2 is the smaller of the first n values (n at most 4).
func Min2(vals []int32, n int) int32 {
	if n == 0 {
		return 0
	}
	if n > 4 {
		return 0
	}
	head := make([]int32, n) // want(<go1.25) "make\\(\\[\\]int32, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int32, n\\) does not escape"
	copy(head, vals)
	m := head[0]
	for _, v := range head {
		m = min(m, v)
	}
	return m
}

// Count is how many values there are.
func Count(vals []int32) int { return len(vals) }

// Max2 is the larger of the first n values (n at most 8).
func Max2(vals []int16, n int) int16 {
	if n == 0 {
		return 0
	}
	if n > 8 {
		return 0
	}
	head := make([]int16, n) // want(<go1.25) "make\\(\\[\\]int16, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int16, n\\) does not escape"
	copy(head, vals)
	m := head[0]
	for _, v := range head {
		m = max(m, v)
	}
	return m
}
