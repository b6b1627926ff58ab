// Package keys builds the strings a service passes around: cache keys, URLs and paths, SQL fragments, metric
// names, log lines and error messages, most of them with fmt.Sprintf.
package keys

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// UserKey is the cache key of a user's profile.
func UserKey(tenant, userID string) string {
	return fmt.Sprintf("user:%s:%s", tenant, userID)
}

// SessionKey is the cache key of a session; the version bumps invalidate every session at once.
func SessionKey(version int, sid string) string {
	return fmt.Sprintf("sess:v%d:%s", version, sid)
}

// ShardKey spreads a key over shards.
func ShardKey(key string, shard uint32) string {
	return fmt.Sprintf("%s#%d", key, shard)
}

// FeedKey is the key of a user's feed page.
func FeedKey(userID string, page int) string {
	return fmt.Sprintf("feed/%s/page/%d", userID, page)
}

// LockKey names a distributed lock.
func LockKey(resource string) string {
	return fmt.Sprintf("lock:%s", resource)
}

// HostPort joins a host and a port as net.JoinHostPort would for a name.
func HostPort(host, port string) string {
	return fmt.Sprintf("%s:%s", host, port)
}

// BaseURL is the service's base URL.
func BaseURL(scheme, host string) string {
	return fmt.Sprintf("%s://%s", scheme, host)
}

// ObjectPath is the path of an object in a bucket.
func ObjectPath(bucket, key string) string {
	return fmt.Sprintf("/%s/%s", bucket, key)
}

// APIPath builds a versioned API path.
func APIPath(version, resource, id string) string {
	return fmt.Sprintf("/api/%v/%s/%s", version, resource, id)
}

// SearchURL quotes the query as a URL needs.
func SearchURL(base, q string) string {
	return fmt.Sprintf("%s/search?q=%s", base, url.QueryEscape(q))
}

// PageURL adds paging to a list URL.
func PageURL(base string, page, size int) string {
	return fmt.Sprintf("%s?page=%d&size=%d", base, page, size)
}

// Table is a quoted table name.
func Table(schema, name string) string {
	return fmt.Sprintf(`"%s"."%s"`, schema, name)
}

// SelectByID is the query a repository runs to load one row.
func SelectByID(table, idColumn string) string {
	return fmt.Sprintf("SELECT * FROM %s WHERE %s = $1", table, idColumn)
}

// Placeholder is the n-th Postgres placeholder.
func Placeholder(n int) string {
	return fmt.Sprintf("$%d", n)
}

// OrderBy sorts by a column the caller validated.
func OrderBy(column string, desc bool) string {
	if desc {
		return fmt.Sprintf("ORDER BY %s DESC", column)
	}
	return fmt.Sprintf("ORDER BY %s ASC", column)
}

// Literal quotes a value for a debug dump of a query.
func Literal(v string) string {
	return fmt.Sprintf("%q", v)
}

// MetricName is a Prometheus metric name.
func MetricName(namespace, subsystem, name string) string {
	return fmt.Sprintf("%s_%s_%s", namespace, subsystem, name)
}

// StatsdKey is a statsd bucket with its percentage sign kept.
func StatsdKey(service, metric string) string {
	return fmt.Sprintf("%s.%s.pct%%", service, metric)
}

// Timer names a timing metric.
func Timer(name string) string {
	return fmt.Sprintf("%s.duration_ms", name)
}

// LogLine is one line of the access log.
func LogLine(method, path, status string) string {
	return fmt.Sprintf("%s %s -> %s", method, path, status)
}

// Column pads a field for the console log.
func Column(level, msg string) string {
	return fmt.Sprintf("%-5s %s", level, msg)
}

// Took is a log suffix with the duration.
func Took(op string, d time.Duration) string {
	return fmt.Sprintf("%s took %v", op, d)
}

// Prefixed puts the request ID before a message.
func Prefixed(requestID string, msg []byte) string {
	return fmt.Sprintf("[%s] %s", requestID, msg)
}

// Raw dumps the bytes as a list, for debugging.
func Raw(b []byte) string {
	return fmt.Sprintf("payload=%v", b)
}

// NotFound is the message of a missing record.
func NotFound(kind, id string) string {
	return fmt.Sprintf("%s %s not found", kind, id)
}

// Wrapped describes an error with the operation that failed.
func Wrapped(op string, err error) string {
	return fmt.Sprintf("%s: %v", op, err)
}

// Conflict is a version conflict message.
func Conflict(id string, want, got int64) string {
	return fmt.Sprintf("%s: version %d, want %d", id, got, want)
}

// Missing reports a missing header.
func Missing(header string) string {
	return fmt.Sprintf("missing header %s", strings.ToLower(header))
}

// Label is a key=value label.
func Label(k, v string) string {
	return fmt.Sprintf("%s=%s", k, v)
}

// Joined is a label in a list.
func Joined(labels []string, k, v string) []string {
	return append(labels, fmt.Sprintf("%s=%s", k, v))
}

// Attempt names a retry attempt.
func Attempt(op string, n int) string {
	return fmt.Sprint(op, "#", n)
}

// Words joins two words as Sprint does.
func Words(a, b string) string {
	return fmt.Sprint(a, b)
}

// Line is a line for a text protocol.
func Line(cmd, arg string) string {
	return fmt.Sprintln(cmd, arg)
}
