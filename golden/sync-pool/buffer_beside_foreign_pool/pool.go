package bufforeign

import (
	"bytes"
	"sync"
)

// bufPool is the package's own pool: Legacy puts buffers back without emptying them.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Legacy renders through the pool the old way and leaves its text in the buffer it puts back.
func Legacy(s string) int {
	b := bufPool.Get().(*bytes.Buffer)
	b.WriteString(s)
	n := b.Len()
	bufPool.Put(b)
	return n
}
