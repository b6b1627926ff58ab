//go:build go1.25

package jobs

import (
	"context"
	"testing"
)

func TestProbeRegion(t *testing.T) {
	eps := endpoints(3)
	allocs(t, "ProbeRegion", func() { ProbeRegion(context.Background(), eps, "eu") })
}
