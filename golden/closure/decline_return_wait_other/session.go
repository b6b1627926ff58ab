// Package session opens a session: it warms its caches and starts a logger that writes once released.
package session

import "golang.org/x/sync/errgroup"

// Begin warms the caches on a group and starts the logger, which logs under the session's label once
// the caller releases it. The return's `g.Wait()` waits for the warm-up group, not for the logger,
// which reads the label after the return has written it: a copy would log "pending".
func Begin(release <-chan struct{}, logf func(string), warm func() error) (label string, stopped <-chan struct{}, err error) { // want "moved to heap: label" // declined "label is written by or after the go statement"
	label = "pending"
	done := make(chan struct{})
	var g errgroup.Group // want "moved to heap: g"
	g.Go(warm)
	go func() { // want "func literal escapes to heap"
		defer close(done)
		<-release
		logf("log:" + label)
	}()
	return "ready", done, g.Wait()
}
