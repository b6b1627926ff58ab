// Package decline_other_path counts tags, strictly or leniently.
package decline_other_path

const maxTags = 8

// Count counts the non-empty tags among the first n; only strict mode refuses long lists.
func Count(tags []string, n int, strict bool) int {
	if strict {
		if n > maxTags {
			return -1
		}
	}
	seen := make([]int32, n) // want(<go1.25) "make\\(\\[\\]int32, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int32, n\\) does not escape" // declined: not recognised (the guard is on another path: make-const's speculative site, in place)
	count := 0
	for i := range seen {
		if i < len(tags) && tags[i] != "" {
			seen[i] = 1
			count++
		}
	}
	return count
}
