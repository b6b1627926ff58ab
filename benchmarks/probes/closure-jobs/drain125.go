//go:build go1.25

package jobs

import (
	"context"
	"strings"
	"sync"
)

// ProbeRegion probes the endpoints of one region with WaitGroup.Go and returns
// the names of the failing ones by index.
func ProbeRegion(ctx context.Context, eps []Endpoint, region string) []string {
	region = strings.ToLower(region)
	failed := make([]string, len(eps))
	var wg sync.WaitGroup
	for i, ep := range eps {
		wg.Go(func() {
			if strings.ToLower(ep.Region) == region && ep.Probe(ctx) != nil {
				failed[i] = ep.Name
			}
		})
	}
	wg.Wait()
	return failed
}
