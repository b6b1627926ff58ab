// Package gen renders types into Go source on a pool its generator's settings size.
package gen

import (
	"fmt"
	"strings"
	"sync"
)

// Generator renders one file per type.
type Generator struct {
	Package string
	Header  string
	Workers int
}

// Generate renders every type on g.Workers goroutines that the WaitGroup counts before the loop to g.Workers
// starts them, then stamps the header it used into the index, which the goroutines no longer read.
func (g *Generator) Generate(names []string) ([]string, string) {
	header := g.Header // want "moved to heap: header"
	if header == "" {
		header = "// Code generated. DO NOT EDIT."
	}
	out := make([]string, len(names))
	idx := make(chan int)
	var wg sync.WaitGroup
	wg.Add(g.Workers)
	for w := 0; w < g.Workers; w++ {
		go func() { // want "func literal escapes to heap"
			defer wg.Done()
			for i := range idx {
				out[i] = fmt.Sprintf("%s\npackage %s\n\ntype %s struct{}\n", header, g.Package, names[i])
			}
		}()
	}
	for i := range names {
		idx <- i
	}
	close(idx)
	wg.Wait()
	header = strings.TrimPrefix(header, "// ")
	return out, header + ": " + strings.Join(names, ", ")
}
