package metrics

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Key is a series key: "name{tag,tag}".
type Key string

// Parts yields the key's name then each tag; the literal consumes its copy of k as it goes.
func (k Key) Parts() func(yield func(string) bool) {
	return func(yield func(string) bool) {
		name, rest, _ := strings.Cut(string(k), "{")
		if !yield(name) {
			return
		}
		rest = strings.TrimSuffix(rest, "}")
		for len(rest) > 0 {
			var tag string
			tag, rest, _ = strings.Cut(rest, ",")
			if !yield(tag) {
				return
			}
		}
	}
}

// fields splits a line into fields, consuming s; unexported, returned to its caller.
func fields(s string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			var f string
			f, s, _ = strings.Cut(s, " ")
			if f != "" && !yield(f) {
				return
			}
		}
	}
}

// FieldCount counts a line's fields.
func FieldCount(line string) int {
	n := 0
	fields(line)(func(string) bool {
		n++
		return true
	})
	return n
}

// Series folds samples of one key.
type Series struct {
	Key    Key
	Count  int
	Sum    float64
	Min    float64
	Max    float64
	labels []string
}

// Registry holds series, built lazily on first use.
type Registry struct {
	mu     sync.Mutex
	series map[Key]*Series
	fmt    func(*Series) string
}

// NewRegistry makes a registry whose formatter is built once, on first Format.
func NewRegistry(prefix string) *Registry {
	var (
		once   sync.Once
		layout string
	)
	build := func() {
		layout = prefix + "%s count=%d sum=%g"
	}
	r := &Registry{series: map[Key]*Series{}}
	r.fmt = func(s *Series) string {
		once.Do(build)
		return fmt.Sprintf(layout, s.Key, s.Count, s.Sum)
	}
	return r
}

// Observe folds one sample into its series.
func (r *Registry) Observe(s Sample) {
	k := Key(s.Name + "{" + strings.Join(s.Tags, ",") + "}")
	r.mu.Lock()
	defer r.mu.Unlock()
	ser := r.series[k]
	if ser == nil {
		ser = &Series{Key: k, Min: s.Value, Max: s.Value}
		r.series[k] = ser
	}
	ser.Count++
	ser.Sum += s.Value
	ser.Min = min(ser.Min, s.Value)
	ser.Max = max(ser.Max, s.Value)
}

// Dump formats every series into buf; the deferred literal reads buf's length only.
func (r *Registry) Dump(stats *int) string {
	var buf bytes.Buffer
	defer func() { *stats = buf.Len() }()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.series {
		buf.WriteString(r.fmt(s))
		buf.WriteByte('\n')
	}
	return buf.String()
}

// Render formats each series by a callback over a visitor; the visitor writes a scratch
// builder shared across calls.
func (r *Registry) Render(visit func(func(*Series))) string {
	var sb strings.Builder
	visit(func(s *Series) {
		sb.WriteString(string(s.Key))
		sb.WriteByte(' ')
		sb.WriteString(strconv.Itoa(s.Count))
		sb.WriteByte('\n')
	})
	return sb.String()
}

// Labels builds label formatters for keys: each stored literal reads its own key and sep.
func Labels(keys []Key, sep string) map[Key]func() string {
	out := make(map[Key]func() string, len(keys))
	for _, k := range keys {
		out[k] = func() string { return strings.ReplaceAll(string(k), ",", sep) }
	}
	return out
}

// Counter returns a counter closure: the literal owns n for its whole life.
func counter(start int) func() int {
	n := start
	return func() int {
		n++
		return n
	}
}

// NextIDs hands out n ids from a fresh counter.
func NextIDs(start, n int) []int {
	next := counter(start)
	ids := make([]int, n)
	for i := range ids {
		ids[i] = next()
	}
	return ids
}
