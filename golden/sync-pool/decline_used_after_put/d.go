// Package usedafterput reads its buffer in a deferred func registered before it.
package usedafterput

// Last's deferred func runs after the pool's Put would: it still reads the buffer through last.
func Last(parts []string) (n int) {
	var last []byte
	defer func() { n = len(last) }()
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap" // declined "buf is assigned to last, which on line 7 is captured by a func literal"
	for _, p := range parts {
		buf = append(buf, p...)
	}
	last = buf
	return 0
}
