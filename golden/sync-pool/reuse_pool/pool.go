package logs

import "sync"

// linePool is the package's own pool of 1 MiB line buffers, written the way gorewrite writes one.
var linePool = sync.Pool{New: func() any { buf := make([]byte, 0, 1<<20); return &buf }}

func getLine() *[]byte { return linePool.Get().(*[]byte) }

func putLine(p *[]byte) { linePool.Put(p) }
