// Package sweep probes targets one at a time on a bounded group, each under the round's label.
package sweep

import (
	"strings"

	"golang.org/x/sync/errgroup"
)

// Sweep offers each target to a group of one and waits for it before the next, advancing the
// label after each: `ok :=` declares a name, and the label's write after the Wait is in the same
// block, so a copy in a block reaching past it would take the write and every probe would run
// under the first label.
func Sweep(targets []string, probe func(label, target string) string) string {
	var g errgroup.Group // want "moved to heap: g"
	g.SetLimit(1)
	out := make([]string, len(targets))
	label := "r0" // want "moved to heap: label" // declined "before the end of their block: a block reaching there would give that write to the copy"
	for i, t := range targets {
		ok := g.TryGo(func() error { // want "func literal escapes to heap"
			out[i] = probe(label, t)
			return nil
		})
		if !ok {
			out[i] = "skipped"
		}
		_ = g.Wait()
		label += "+"
	}
	return strings.Join(out, ",") + "|" + label
}
