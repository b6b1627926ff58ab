// Package resolve looks host names up concurrently, retrying the failures through a fallback.
package resolve

import "fmt"

// Resolve looks every host up through server, one goroutine per host, counting the answers
// down; the failures are retried once through fallback. The countdown receives once per
// goroutine (pending starts at len(todo), only its post statement writes it, and `continue`
// runs that post too), so every lookup of the round has read server before it is switched.
func Resolve(hosts []string, server, fallback string, lookup func(server, host string) (string, error)) ([]string, error) { // want "moved to heap: server"
	type res struct {
		i    int
		addr string
		err  error
	}
	addrs := make([]string, len(hosts))
	todo := make([]int, len(hosts))
	for i := range todo {
		todo[i] = i
	}
	var lastErr error
	for round := 0; round < 2 && len(todo) > 0; round++ {
		resc := make(chan res, len(todo))
		for _, i := range todo {
			go func() { // want "func literal escapes to heap"
				addr, err := lookup(server, hosts[i])
				resc <- res{i, addr, err}
			}()
		}
		var failed []int
		for pending := len(todo); pending > 0; pending-- {
			r := <-resc
			if r.err != nil {
				failed = append(failed, r.i)
				lastErr = r.err
				continue
			}
			addrs[r.i] = r.addr
		}
		todo = failed
		server = fallback
	}
	if len(todo) > 0 {
		return addrs, fmt.Errorf("resolve %s: %w", hosts[todo[0]], lastErr)
	}
	return addrs, nil
}
