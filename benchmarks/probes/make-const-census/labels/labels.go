// Package labels builds metric series keys and label sets for the broker's telemetry agent.
package labels

import (
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"sort"
	"strconv"
	"strings"
)

const (
	MaxLabels   = 10
	MaxName     = 64
	maxValue    = 128
	bucketCount = 12
)

var errLabels = errors.New("labels: too many labels")

// Label is one name/value pair of a series.
type Label struct {
	Name, Value string
}

// Set is a series' label set, validated by New.
type Set struct {
	labels []Label
	hist   [bucketCount]uint64
}

// New validates and returns a label set.
func New(ls ...Label) (*Set, error) {
	if len(ls) > MaxLabels {
		return nil, errLabels
	}
	return &Set{labels: append([]Label(nil), ls...)}, nil
}

// With adds a label after construction (the set may grow past MaxLabels).
func (s *Set) With(l Label) { s.labels = append(s.labels, l) }

// Names lists the label names sorted.
func (s *Set) Names() string {
	names := make([]string, len(s.labels))
	for i, l := range s.labels {
		names[i] = l.Name
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// Fingerprint hashes the labels in name order.
func Fingerprint(ls []Label) (uint64, error) {
	if len(ls) > MaxLabels {
		return 0, errLabels
	}
	idx := make([]int, len(ls))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return ls[idx[a]].Name < ls[idx[b]].Name })
	h := fnv.New64a()
	for _, i := range idx {
		h.Write([]byte(ls[i].Name))
		h.Write([]byte(ls[i].Value))
	}
	return h.Sum64(), nil
}

func checkName(n string) error {
	if n == "" || len(n) > MaxName {
		return fmt.Errorf("labels: bad name %q", n)
	}
	return nil
}

// Sanitize maps a metric name to the exposition charset.
func Sanitize(name string) (string, error) {
	if err := checkName(name); err != nil {
		return "", err
	}
	out := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' {
			out[i] = c
		} else {
			out[i] = '_'
		}
	}
	return string(out), nil
}

// Series formats name{a="b",...} for a validated name and a bounded set.
func Series(name string, ls []Label) string {
	if len(name) > MaxName || len(ls) > MaxLabels {
		return ""
	}
	parts := make([]string, 0, len(ls))
	for _, l := range ls {
		parts = append(parts, l.Name+"="+strconv.Quote(l.Value))
	}
	return name + "{" + strings.Join(parts, ",") + "}"
}

// Buckets formats the histogram's cumulative counts.
func (s *Set) Buckets() string {
	cum := make([]uint64, len(s.hist))
	var run uint64
	for i, v := range s.hist {
		run += v
		cum[i] = run
	}
	return fmt.Sprint(cum)
}

// Quantiles returns the positions of each requested quantile in a window.
func Quantiles(qs []float64, window int) []int {
	if window <= 0 || len(qs) > 8 {
		return nil
	}
	pos := make([]int, len(qs))
	for i, q := range qs {
		pos[i] = int(q * float64(window-1))
	}
	return append([]int(nil), pos...)
}

// Truncate shortens a label value to the exporter's limit, rune-safe.
func Truncate(v string) string {
	if len(v) > maxValue {
		v = v[:maxValue]
	}
	buf := make([]byte, 0, len(v))
	for _, r := range v {
		if r == '\ufffd' {
			continue
		}
		buf = append(buf, string(r)...)
	}
	return string(buf)
}

// Hostname is the host label: the machine name, at most 64 bytes.
func Hostname() string {
	h, err := os.Hostname()
	if err != nil || len(h) > 64 {
		os.Exit(3)
	}
	b := make([]byte, len(h))
	copy(b, h)
	return strings.ToLower(string(b))
}

// Tenant reads a tenant id from a header value "t-<digits>".
func Tenant(v string) (int, error) {
	if !strings.HasPrefix(v, "t-") || len(v) > 12 {
		return 0, errors.New("labels: bad tenant")
	}
	digits := make([]byte, 0, len(v)-2)
	for i := 2; i < len(v); i++ {
		if v[i] >= '0' && v[i] <= '9' {
			digits = append(digits, v[i])
		}
	}
	return strconv.Atoi(string(digits))
}

// Level maps a severity number to a label value.
func Level(sev int32) string {
	n := int(sev)
	switch {
	case n < 0:
		return "unknown"
	case n > 24:
		n = 24
	}
	bar := make([]byte, n)
	for i := range bar {
		bar[i] = '#'
	}
	return string(bar)
}

// Columns aligns label names into columns; the width comes from the caller.
func Columns(ls []Label, width int) string {
	var b strings.Builder
	for _, l := range ls {
		pad := make([]byte, max(0, width-len(l.Name)))
		for i := range pad {
			pad[i] = ' '
		}
		b.WriteString(l.Name)
		b.Write(pad)
	}
	return b.String()
}

// Window keeps the last values of a gauge.
func Window(vals []float64) float64 {
	if len(vals) > 16 {
		vals = vals[len(vals)-16:]
	}
	sorted := make([]float64, len(vals))
	copy(sorted, vals)
	sort.Float64s(sorted)
	if len(sorted) == 0 {
		return 0
	}
	return sorted[len(sorted)/2]
}

// Merge merges two label sets of at most MaxLabels each.
func Merge(a, b []Label) int {
	if len(a) > MaxLabels || len(b) > MaxLabels {
		return -1
	}
	all := make([]Label, 0, len(a)+len(b))
	all = append(all, a...)
	all = append(all, b...)
	seen := 0
	for i := range all {
		if i == 0 || all[i].Name != all[i-1].Name {
			seen++
		}
	}
	return seen
}

// Exemplar formats a trace id of up to 32 hex digits as an exemplar label.
func Exemplar(trace string) string {
	if len(trace) > 32 {
		trace = trace[:32]
	}
	return string(append(make([]byte, 0, len("trace_id=")+len(trace)), "trace_id="+trace...))
}
