// Package ship sends log lines to a regional collector, one goroutine per shard.
package ship

import (
	"fmt"
	"io"
)

// Shard is a slice of log lines destined for one collector partition.
type Shard struct {
	Name  string
	Lines []string
}

// Start ships every shard concurrently and reports one error (or nil) per
// shard on the returned channel.
func Start(w io.Writer, region string, shards []Shard) <-chan error {
	endpoint := "https://logs.example.com/ingest" // want "moved to heap: endpoint"
	switch region {
	case "eu":
		endpoint = "https://eu.logs.example.com/ingest"
	case "ap":
		endpoint = "https://ap.logs.example.com/ingest"
	}
	errs := make(chan error, len(shards))
	for i, sh := range shards {
		go func() {
			// keep: the shard index is per-iteration, only endpoint is shared
			for _, line := range sh.Lines {
				if _, err := fmt.Fprintf(w, "%s #%d %s: %s\n", endpoint, i, sh.Name, line); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	return errs
}
