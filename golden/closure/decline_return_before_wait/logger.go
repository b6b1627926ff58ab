// Package logger starts a session logger that writes once its caller releases it.
package logger

import "golang.org/x/sync/errgroup"

// Start runs the logger on a group; it logs under the session's label once released. An aborted start
// returns at once, its return writing the label without waiting for the group, so the logger reads the
// label the return wrote: a copy would log "pending". The wait in the last return orders only that one.
func Start(release <-chan struct{}, logf func(string), abort bool) (label string, err error) { // want "moved to heap: label" // declined "label is written by or after"
	label = "pending"
	var g errgroup.Group // want "moved to heap: g"
	g.Go(func() error { // want "func literal escapes to heap"
		<-release
		logf("log:" + label)
		return nil
	})
	if abort {
		return "aborted", nil
	}
	return "ready", g.Wait()
}
