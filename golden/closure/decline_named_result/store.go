// Package store writes a batch of objects, cleaning up on failure.
package store

import "log"

// Bucket is an object store.
type Bucket interface {
	Put(key string, data []byte) error
	Delete(key string) error
}

// PutAll stores every object. If any Put fails, the objects written so far
// are deleted when PutAll returns. err is a named result: the return
// statements write it after the defers, so the deferred closures must see
// the final value, not a copy.
func PutAll(b Bucket, objs map[string][]byte) (n int, err error) { // want "moved to heap: err" // declined "named result"
	for key, data := range objs {
		if err = b.Put(key, data); err != nil {
			return n, err
		}
		n++
		defer func() { // want "func literal escapes to heap"
			if err != nil {
				if derr := b.Delete(key); derr != nil {
					log.Printf("store: cleanup %s: %v", key, derr)
				}
			}
		}()
	}
	return n, nil
}
