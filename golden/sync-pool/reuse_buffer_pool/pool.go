package tags

import (
	"bytes"
	"sync"
)

// bufPool is the package's own pool of buffers, written the way gorewrite writes one.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuf() *bytes.Buffer { return bufPool.Get().(*bytes.Buffer) }

// putBuf empties p, so the pool keeps nothing of its caller, and drops one grown past
// 64 KiB, so one large call does not pin its memory for every later one.
func putBuf(p *bytes.Buffer) {
	if p.Cap() > 64<<10 {
		return
	}
	p.Reset()
	bufPool.Put(p)
}
