//go:build go1.25

package devops

import (
	"strings"
	"sync"
)

// Upload sends each artifact with wg.Go, results at their index; the bucket
// name is normalised first.
func Upload(names []string, bucket string, put func(bucket, name string) error) []error {
	bucket = strings.ToLower(strings.TrimSpace(bucket))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Go(func() {
			errs[i] = put(bucket, n)
		})
	}
	wg.Wait()
	return errs
}
