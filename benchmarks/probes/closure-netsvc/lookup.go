package netsvc

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// LookupAll resolves every host concurrently into its slot of the named result;
// the first failure cancels the rest.
func LookupAll(ctx context.Context, r Resolver, hosts []string) (addrs [][]string, err error) {
	addrs = make([][]string, len(hosts))
	g, ctx := errgroup.WithContext(ctx)
	for i, h := range hosts {
		g.Go(func() error {
			a, err := r.LookupHost(ctx, h)
			if err != nil {
				return fmt.Errorf("lookup %s: %w", h, err)
			}
			addrs[i] = a
			return nil
		})
	}
	return addrs, g.Wait()
}

// PingAll probes every target and returns how many answered, with the last
// failure; the counts come back on a channel drained before the return.
func PingAll(ctx context.Context, p Prober, targets []string) (ok int, err error) {
	errc := make(chan error, len(targets))
	for _, t := range targets {
		go func() {
			errc <- p.Probe(ctx, t)
		}()
	}
	for range targets {
		if e := <-errc; e != nil {
			err = e
			continue
		}
		ok++
	}
	return ok, err
}
