// Package region resolves hostnames region by region.
package region

import "golang.org/x/sync/errgroup"

// Resolve looks up every host concurrently under each region's domain in turn; the domain
// moves to the next region only once every lookup of the current one has returned.
func Resolve(regions, hosts []string, lookup func(string) (string, error)) ([][]string, error) {
	out := make([][]string, len(regions))
	domain := regions[0] + ".example.net" // want "moved to heap: domain"
	for r := range regions {              // want "moved to heap: r"
		out[r] = make([]string, len(hosts))
		var g errgroup.Group // want "moved to heap: g"
		for i, h := range hosts {
			g.Go(func() error { // want "func literal escapes to heap"
				addr, err := lookup(h + "." + domain)
				out[r][i] = addr
				return err
			})
		}
		if err := g.Wait(); err != nil {
			return nil, err
		}
		if r+1 < len(regions) {
			domain = regions[r+1] + ".example.net"
		}
	}
	return out, nil
}
