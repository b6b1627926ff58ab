package logs

import "sync"

// linePool is the package's own pool of 1 MiB line buffers, written the way gorewrite writes one.
var linePool = sync.Pool{New: func() any { return new([1 << 20]byte) }}

func getLine() *[1 << 20]byte { return linePool.Get().(*[1 << 20]byte) }

func putLine(p *[1 << 20]byte) { linePool.Put(p) }
