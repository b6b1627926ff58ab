// Package key builds cache keys from a namespace and a name.
package key

import (
	"errors"
	"hash/fnv"
)

// maxKey is the longest key the cache accepts.
const maxKey = 120

var errLong = errors.New("key: namespace and name longer than maxKey bytes")

// Hash joins namespace, ':' and name into a scratch key and hashes it. The guard bounds the very
// expression the key is sized by.
func Hash(namespace, name string) (uint64, error) {
	if len(namespace)+len(name)+1 > maxKey {
		return 0, errLong
	}
	key := make([]byte, 0, len(namespace)+len(name)+1) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	key = append(key, namespace...)
	key = append(key, ':')
	key = append(key, name...)
	h := fnv.New64a()
	h.Write(key)
	return h.Sum64(), nil
}
