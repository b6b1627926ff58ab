// Package segments names the segments of a media stream.
package segments

import (
	"fmt"
	"sync"
)

// muxer names segments; its methods read its fields only.
type muxer struct {
	prefix string
	ext    string
}

func (m *muxer) name(i int) string { return fmt.Sprintf("%s%05d%s", m.prefix, i, m.suffix()) }

func (m *muxer) suffix() string { return "." + m.ext }

// Name names each segment in parallel through the muxer's pointer method.
func Name(indexes []int, prefix string) []string {
	mux := muxer{prefix: prefix, ext: "ts"} // want "moved to heap: mux"
	names := make([]string, len(indexes))
	var wg sync.WaitGroup // want "moved to heap: wg"
	for i, n := range indexes {
		wg.Add(1)
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			names[i] = mux.name(n)
		}()
	}
	wg.Wait()
	return names
}
