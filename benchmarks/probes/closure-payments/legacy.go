//go:build go1.21

// This file keeps the old settlement exporter, written before go 1.22: its
// build line pins the file's language to go1.21, so a loop's variables are
// shared by every iteration.

package payments

import (
	"context"
	"sync"
)

// ExportLegacy exports each batch with its index; under go1.21 semantics the
// goroutines share i and b with the loop (must decline: the loop writes them
// while the goroutines read).
func ExportLegacy(ctx context.Context, gw Gateway, bs [][]Payment) []string {
	refs := make([]string, len(bs))
	var wg sync.WaitGroup
	for i, b := range bs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ref, _ := gw.Settle(ctx, "legacy", b)
			refs[i] = ref
		}()
	}
	wg.Wait()
	return refs
}

// ExportLegacyCopied is the same exporter with the usual go1.21 copies; its
// batch label is changed after the wait.
func ExportLegacyCopied(ctx context.Context, gw Gateway, bs [][]Payment, label string) ([]string, string) {
	refs := make([]string, len(bs))
	var wg sync.WaitGroup
	for i, b := range bs {
		i, b := i, b
		wg.Add(1)
		go func() {
			defer wg.Done()
			ref, _ := gw.Settle(ctx, label, b)
			refs[i] = ref
		}()
	}
	wg.Wait()
	label = "exported " + label
	return refs, label
}
