// Package mirror copies a release's artifacts to a mirror in parallel.
package mirror

import (
	"strings"
	"sync"
)

// Artifact is one file of a release.
type Artifact struct {
	Name string
	Size int
}

// Push uploads every artifact to the mirror's base URL, one goroutine each. The WaitGroup counts
// every artifact up front; a skipped one (empty, or a checksum file the mirror makes itself) calls
// Done where it is skipped, so Wait still returns only after every upload. The base is then
// rewritten for the links the caller prints.
func Push(arts []Artifact, base string, put func(url string, size int) int) ([]int, string) { // want "moved to heap: base"
	codes := make([]int, len(arts))
	var wg sync.WaitGroup // want "moved to heap: wg"
	wg.Add(len(arts))
	for i, a := range arts {
		if a.Size == 0 || strings.HasSuffix(a.Name, ".sha256") {
			wg.Done()
			continue
		}
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			codes[i] = put(base+"/"+a.Name, a.Size)
		}()
	}
	wg.Wait()
	base = strings.TrimPrefix(base, "https://")
	return codes, base
}
