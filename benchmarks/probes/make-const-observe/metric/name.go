// Package metric builds metric names, label sets and histograms for the exporter.
package metric

import (
	"errors"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"example.com/observe/limits"
)

var (
	errName      = errors.New("metric: invalid name")
	errTooMany   = errors.New("metric: too many labels")
	errLabelKey  = errors.New("metric: invalid label key")
	errTooLong   = errors.New("metric: name too long")
	errBadBucket = errors.New("metric: bad bucket layout")
)

// Label is one name/value pair of a series.
type Label struct {
	Name, Value string
}

// validName reports whether s is a legal metric name: [a-zA-Z_:][a-zA-Z0-9_:]*, not too long.
func validName(s string) bool {
	if len(s) == 0 || len(s) > limits.MaxMetricName {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c == ':' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			continue
		}
		if i > 0 && '0' <= c && c <= '9' {
			continue
		}
		return false
	}
	return true
}

// SnakeCase turns a camel-case metric name into snake case: httpRequestsTotal -> http_requests_total.
func SnakeCase(name string) (string, error) {
	if !validName(name) {
		return "", errName
	}
	out := make([]byte, 0, 2*len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			if i > 0 && name[i-1] != '_' {
				out = append(out, '_')
			}
			c += 'a' - 'A'
		}
		out = append(out, c)
	}
	return string(out), nil
}

// FullName joins namespace, subsystem and name with underscores, skipping empty parts.
func FullName(namespace, subsystem, name string) (string, error) {
	if len(namespace)+len(subsystem)+len(name)+2 > limits.MaxMetricName {
		return "", errTooLong
	}
	b := make([]byte, 0, len(namespace)+len(subsystem)+len(name)+2)
	for _, part := range [...]string{namespace, subsystem, name} {
		if part == "" {
			continue
		}
		if len(b) > 0 {
			b = append(b, '_')
		}
		b = append(b, part...)
	}
	return string(b), nil
}

// Sanitize replaces every character a metric name may not hold with '_', cutting it to the limit.
func Sanitize(name string) string {
	if len(name) > limits.MaxMetricName {
		name = name[:limits.MaxMetricName]
	}
	out := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '_' || c == ':' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			out[i] = c
		} else {
			out[i] = '_'
		}
	}
	return string(out)
}

// validLabelKey reports whether k may name a label.
func validLabelKey(k string) bool {
	if k == "" || len(k) > limits.MaxLabelKey || strings.HasPrefix(k, "__") {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// LowerKey is the lower-case form of a label key, checked first.
func LowerKey(k string) (string, error) {
	if !validLabelKey(k) {
		return "", errLabelKey
	}
	lower := make([]byte, len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return string(lower), nil
}

// FormatLabels renders a label set as {a="1",b="2"}, keeping the first MaxLabels.
func FormatLabels(labels []Label) string {
	if len(labels) > limits.MaxLabels {
		labels = labels[:limits.MaxLabels]
	}
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = l.Name + "=" + strconv.Quote(l.Value)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// Signature hashes a label map in key order, so equal sets get equal signatures.
func Signature(labels map[string]string) (uint64, error) {
	if len(labels) > limits.MaxLabels {
		return 0, errTooMany
	}
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	h := fnv.New64a()
	for _, k := range keys {
		h.Write([]byte(k))
		h.Write([]byte{0xff})
		h.Write([]byte(labels[k]))
		h.Write([]byte{0xfe})
	}
	return h.Sum64(), nil
}

// SeriesKey is name plus the sorted label pairs, the key the registry indexes series by.
func SeriesKey(name string, labels map[string]string) string {
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var sb strings.Builder
	sb.WriteString(name)
	for _, k := range keys {
		sb.WriteByte(',')
		sb.WriteString(k)
		sb.WriteByte('=')
		sb.WriteString(labels[k])
	}
	return sb.String()
}

// Order returns the label indexes sorted by name, for a stable exposition order.
func Order(labels []Label) ([]int, error) {
	if len(labels) > limits.MaxLabels {
		return nil, errTooMany
	}
	idx := make([]int, len(labels))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return strings.Compare(labels[a].Name, labels[b].Name) })
	return idx, nil
}

// DuplicateLabel reports the first label name that appears twice.
func DuplicateLabel(labels []Label) (string, bool) {
	if len(labels) > limits.MaxLabels {
		return "", false
	}
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = l.Name
	}
	slices.Sort(names)
	for i := 1; i < len(names); i++ {
		if names[i] == names[i-1] {
			return names[i], true
		}
	}
	return "", false
}
