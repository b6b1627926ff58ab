package gateway

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"example.com/freshgw/limits"
)

var errHeader = errors.New("gateway: malformed header")

// canonicalName canonicalises a header name (content-type -> Content-Type).
func canonicalName(name []byte) (string, error) {
	if len(name) > limits.MaxHeaderName {
		return "", errHeader
	}
	out := make([]byte, len(name))
	upper := true
	for i, c := range name {
		switch {
		case upper && 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case !upper && 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		out[i] = c
		upper = c == '-'
	}
	return string(out), nil
}

// parseHeaderLine splits "Name: value" and canonicalises the name.
func parseHeaderLine(line []byte) (string, string, error) {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return "", "", errHeader
	}
	name, err := canonicalName(line[:i])
	if err != nil {
		return "", "", err
	}
	v := bytes.TrimSpace(line[i+1:])
	if len(v) > limits.MaxHeaderValue {
		return "", "", fmt.Errorf("header %s: value of %d bytes exceeds %d", name, len(v), limits.MaxHeaderValue)
	}
	return name, string(v), nil
}

// parseContentLength reads a Content-Length value.
func parseContentLength(v string) (int64, error) {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad content-length %q: %v", v, err)
	}
	return n, nil
}

// splitList splits a comma-separated header value into at most max trimmed items.
func splitList(v string, max int) []string {
	if max > 16 {
		max = 16
	}
	items := make([]string, 0, max)
	for len(v) > 0 && len(items) < max {
		i := bytes.IndexByte([]byte(v), ',')
		if i < 0 {
			items = append(items, string(bytes.TrimSpace([]byte(v))))
			break
		}
		items = append(items, string(bytes.TrimSpace([]byte(v[:i]))))
		v = v[i+1:]
	}
	return items
}

// acceptsGzip reports whether an Accept-Encoding value lists gzip.
func acceptsGzip(v string) bool {
	for _, it := range splitList(v, 8) {
		if it == "gzip" || it == "*" {
			return true
		}
	}
	return false
}

// formatHeader renders one header line into a fixed buffer.
func formatHeader(name, value string) []byte {
	n := len(name) + 2 + len(value) + 2
	if n > limits.MaxHeaderName+limits.MaxHeaderValue+4 {
		return nil
	}
	line := make([]byte, 0, n)
	line = append(line, name...)
	line = append(line, ": "...)
	line = append(line, value...)
	line = append(line, "\r\n"...)
	return bytes.Clone(line)
}

// headerSize reports the wire size of a header set.
func headerSize(h map[string]string) int {
	total := 0
	for k, v := range h {
		total += len(formatHeader(k, v))
	}
	return total
}
