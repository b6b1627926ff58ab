package decline_escapes

var last []int

// Keep remembers up to four values: the slice escapes on every release, whatever its size.
func Keep(vals []int, n int) {
	if n > 4 {
		return
	}
	kept := make([]int, n) // want "make\\(\\[\\]int, n\\) escapes to heap" // declined: not recognised (the make escapes on every release, so no release gains a variant)
	copy(kept, vals)
	last = kept
}
