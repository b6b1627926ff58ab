// Package bufs renders short records and shares its buffer pool with the rest of the service.
package bufs

import (
	"bytes"
	"fmt"
	"sync"
)

// Pool recycles the service's scratch buffers.
var Pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func get() *bytes.Buffer { return Pool.Get().(*bytes.Buffer) }

func put(p *bytes.Buffer) {
	if p.Cap() > 64<<10 {
		return
	}
	p.Reset()
	Pool.Put(p)
}

// Quote quotes s.
func Quote(s string) string {
	b := get()
	defer put(b)
	fmt.Fprintf(b, "%q", s)
	return b.String()
}

// Line renders k=v.
func Line(k, v string) string {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "%s=%s", k, v)
	return b.String()
}
