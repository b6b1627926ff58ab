// Package query encodes a filter as a query string, or says why it cannot.
package query

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
)

// Encode writes key=value pairs in order; an empty key is an error, and no pairs is "".
func Encode(pairs [][2]string) (string, error) {
	if len(pairs) == 0 {
		return "", nil
	}
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	for i, p := range pairs {
		if p[0] == "" {
			return "", errors.New("query: empty key")
		}
		if i > 0 {
			buf.WriteByte('&')
		}
		fmt.Fprintf(buf, "%s=%s", url.QueryEscape(p[0]), url.QueryEscape(p[1]))
	}
	if buf.Len() > 2000 {
		return "", fmt.Errorf("query: %d bytes is too long", buf.Len())
	}
	return buf.String(), nil
}
