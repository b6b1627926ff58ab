// Package links builds URLs and paths from parsed and split parts.
package links

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// Endpoint is a parsed service address.
type Endpoint struct {
	Scheme string
	Host   string
	Parts  []string
	Query  map[string]string
}

// Origin is scheme://host of a parsed URL.
func Origin(u *url.URL) string {
	return fmt.Sprintf("%s://%s", u.Scheme, u.Host)
}

// FirstSegment is the path's first segment under a prefix.
func FirstSegment(p string) string {
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	return fmt.Sprintf("/%s/", parts[0])
}

// Versioned prefixes the first two segments.
func Versioned(parts []string) string {
	return fmt.Sprintf("/%s/%s", parts[0], parts[1])
}

// Trimmed is the path without its leading slash under a root.
func Trimmed(root, p string) string {
	return fmt.Sprintf("%s/%s", root, strings.TrimPrefix(p, "/"))
}

// Lower is a host lowered for a cache key.
func Lower(host string) string {
	return fmt.Sprintf("host:%s", strings.ToLower(host))
}

// Hostname is the host without its port.
func Hostname(u *url.URL) string {
	return fmt.Sprintf("https://%s/", u.Hostname())
}

// RequestPath is the path of a request's URL.
func RequestPath(u *url.URL) string {
	return fmt.Sprintf("path=%s", u.EscapedPath())
}

// Joined joins a base with a cleaned path.
func Joined(base, p string) string {
	return fmt.Sprintf("%s%s", base, path.Clean(p))
}

// Route is the endpoint's first part.
func (e *Endpoint) Route() string {
	return fmt.Sprintf("%s://%s/%s", e.Scheme, e.Host, e.Parts[0])
}

// Param reads a query parameter into a key.
func (e Endpoint) Param(key string) string {
	return fmt.Sprintf("%s=%s", key, e.Query[key])
}

// Lookup formats a template variable from a map.
func Lookup(vars map[string]string, name string) string {
	return fmt.Sprintf("{%s}", vars[name])
}

// Base is the last element of a path with its directory.
func Base(dir, file string) string {
	return fmt.Sprintf("%s/%s", path.Base(dir), file)
}

// Ext is the file's extension after its name.
func Ext(name string) string {
	return fmt.Sprintf("%s (%s)", name, path.Ext(name))
}

// Split is a host and port from an address, badly: the port read after a call.
func Split(addr string) string {
	i := strings.LastIndexByte(addr, ':')
	return fmt.Sprintf("%s port %s", addr[:i], addr[i+1:])
}

// Quoted keeps %q.
func Quoted(parts []string) string {
	return fmt.Sprintf("%q", parts[0])
}

// Escaped path-escapes a segment.
func Escaped(seg string) string {
	return fmt.Sprintf("/files/%s", url.PathEscape(seg))
}

// Query is a query string with one value.
func Query(u *url.URL) string {
	return fmt.Sprintf("%s?%s", u.Path, u.RawQuery)
}
