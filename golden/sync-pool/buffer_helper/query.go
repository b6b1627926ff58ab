// Package query encodes a sorted query string with a helper that takes the buffer itself.
package query

import (
	"bytes"
	"fmt"
	"net/url"
	"sort"
)

// appendPair writes "&k=v" (no "&" first); fmt.Fprintf makes the compiler report `leaking param: b`.
func appendPair(b *bytes.Buffer, k, v string) {
	if b.Len() > 0 {
		b.WriteByte('&')
	}
	fmt.Fprintf(b, "%s=%s", url.QueryEscape(k), url.QueryEscape(v))
}

// Encode renders the pairs sorted by key.
func Encode(pairs map[string]string) string {
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := &bytes.Buffer{} // want "&bytes.Buffer{} escapes to heap"
	for _, k := range keys {
		appendPair(b, k, pairs[k])
	}
	return b.String()
}
