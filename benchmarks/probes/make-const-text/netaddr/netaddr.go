// Package netaddr parses and formats host:port pairs, dotted quads and URL-ish paths.
package netaddr

import (
	"errors"
	"strconv"
	"strings"

	"example.com/recfmt/limits"
)

var (
	errHost  = errors.New("netaddr: bad host")
	errQuery = errors.New("netaddr: bad query")
)

const maxQuery = 512

// JoinHostPort is net.JoinHostPort for a numeric port, returning the fold of the result for a cache key.
func JoinHostPort(host string, port uint16) (string, error) {
	if len(host) > limits.MaxHost {
		return "", errHost
	}
	buf := make([]byte, 0, len(host)+2+6)
	if strings.IndexByte(host, ':') >= 0 {
		buf = append(buf, '[')
		buf = append(buf, host...)
		buf = append(buf, ']')
	} else {
		buf = append(buf, host...)
	}
	buf = append(buf, ':')
	buf = strconv.AppendUint(buf, uint64(port), 10)
	return string(buf), nil
}

// LabelLengths returns the sum of the squares of a DNS name's label lengths (a cheap shape hash).
func LabelLengths(name string) int {
	if len(name) > limits.MaxHost {
		return -1
	}
	labels := strings.Split(name, ".")
	lens := make([]int, len(labels))
	for i, l := range labels {
		lens[i] = len(l)
	}
	h := 0
	for _, n := range lens {
		h = h*31 + n*n
	}
	return h
}

// Reverse returns a domain's labels reversed (com.example.www), as DNS indexes key them.
func Reverse(name string) string {
	if len(name) == 0 || len(name) > limits.MaxHost {
		return ""
	}
	out := make([]byte, 0, len(name))
	end := len(name)
	for i := len(name) - 1; i >= -1; i-- {
		if i == -1 || name[i] == '.' {
			if len(out) > 0 {
				out = append(out, '.')
			}
			out = append(out, name[i+1:end]...)
			end = i
		}
	}
	return string(out)
}

// ParseQuad parses a dotted-quad IPv4 address.
func ParseQuad(s string) ([4]byte, bool) {
	var ip [4]byte
	parts := strings.SplitN(s, ".", 4)
	if len(parts) != 4 {
		return ip, false
	}
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 10, 8)
		if err != nil {
			return ip, false
		}
		ip[i] = byte(v)
	}
	return ip, true
}

// QueryKeys returns how many distinct keys a query string has.
func QueryKeys(q string) (int, error) {
	if len(q) > maxQuery {
		return 0, errQuery
	}
	pairs := strings.Split(q, "&")
	keys := make([]string, 0, len(pairs))
	for _, p := range pairs {
		k, _, _ := strings.Cut(p, "=")
		dup := false
		for _, seen := range keys {
			if seen == k {
				dup = true
				break
			}
		}
		if !dup {
			keys = append(keys, k)
		}
	}
	return len(keys), nil
}

// CleanPath resolves . and .. in a slash-separated path.
func CleanPath(p string) string {
	if len(p) > limits.MaxLine {
		return p
	}
	segs := strings.Split(p, "/")
	out := make([]string, 0, len(segs))
	for _, s := range segs {
		switch s {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, s)
		}
	}
	return "/" + strings.Join(out, "/")
}

// Escape percent-encodes a path segment.
func Escape(seg string) string {
	const maxSeg = 255
	if len(seg) > maxSeg {
		seg = seg[:maxSeg]
	}
	buf := make([]byte, 0, 3*len(seg))
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			buf = append(buf, c)
			continue
		}
		buf = append(buf, '%', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
	}
	return string(buf)
}

// Scheme lower-cases a URL's scheme (the part before "://").
func Scheme(rawURL string) string {
	i := strings.Index(rawURL, "://")
	if i < 0 || i > 32 {
		return ""
	}
	b := make([]byte, i)
	for j := 0; j < i; j++ {
		c := rawURL[j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[j] = c
	}
	return string(b)
}

// HostOf returns the host of a URL, lower-cased; its length is whatever the URL says.
func HostOf(rawURL string) string {
	_, rest, ok := strings.Cut(rawURL, "://")
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	b := make([]byte, len(host))
	for i := 0; i < len(host); i++ {
		c := host[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}
