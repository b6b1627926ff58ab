// Package quota checks tenants against a usage quota in parallel.
package quota

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// Over returns the tenants over quota; the quota grows by the grace share for a second pass
// over those, once the first pass is complete.
func Over(ctx context.Context, tenants []string, quota int, usage func(context.Context, string) (int, error)) ([]string, error) { // want "moved to heap: quota"
	over := make([]bool, len(tenants))
	g, gctx := errgroup.WithContext(ctx)
	for i, t := range tenants {
		g.Go(func() error { // want "func literal escapes to heap"
			used, err := usage(gctx, t)
			over[i] = used > quota
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	quota += quota / 10 // the grace share
	var names []string
	for i, t := range tenants {
		if over[i] {
			used, err := usage(ctx, t)
			if err != nil {
				return nil, err
			}
			if used > quota {
				names = append(names, fmt.Sprint(t, ">", quota))
			}
		}
	}
	return names, nil
}
