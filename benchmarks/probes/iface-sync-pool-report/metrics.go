package probe42

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Sample is one observation of a metric family.
type Sample struct {
	Name   string
	Labels map[string]string
	Value  float64
}

// Collector produces samples on demand.
type Collector interface {
	Collect(emit func(Sample))
}

// Describer is implemented by collectors that carry HELP text.
type Describer interface {
	Help() string
}

type counterVec struct {
	name   string
	help   string
	values map[string]float64
}

func (c *counterVec) Collect(emit func(Sample)) {
	keys := make([]string, 0, len(c.values))
	for k := range c.values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		emit(Sample{Name: c.name, Labels: map[string]string{"code": k}, Value: c.values[k]})
	}
}

func (c *counterVec) Help() string { return c.help }

func writeLabels(buf *bytes.Buffer, labels map[string]string) {
	if len(labels) == 0 {
		return
	}
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	buf.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(k)
		buf.WriteString("=")
		buf.WriteString(strconv.Quote(labels[k]))
	}
	buf.WriteByte('}')
}

// WriteExposition writes the families in the text exposition format, one write per scrape.
func WriteExposition(w io.Writer, families map[string][]Sample) error {
	names := make([]string, 0, len(families))
	for n := range families {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&buf, "# TYPE %s gauge\n", n)
		for _, s := range families[n] {
			buf.WriteString(s.Name)
			writeLabels(&buf, s.Labels)
			buf.WriteByte(' ')
			buf.WriteString(strconv.FormatFloat(s.Value, 'g', -1, 64))
			buf.WriteByte('\n')
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// ExposeCounter renders one counter vector with its HELP line.
func ExposeCounter(w io.Writer, name string, values map[string]float64) error {
	vec := counterVec{name: name, help: "requests by code", values: values}
	var c Collector = &vec
	buf := new(bytes.Buffer)
	if d, ok := c.(Describer); ok {
		fmt.Fprintf(buf, "# HELP %s %s\n", name, d.Help())
	}
	fmt.Fprintf(buf, "# TYPE %s counter\n", name)
	c.Collect(func(s Sample) {
		buf.WriteString(s.Name)
		writeLabels(buf, s.Labels)
		fmt.Fprintf(buf, " %g\n", s.Value)
	})
	_, err := buf.WriteTo(w)
	return err
}

// SampleLine formats one sample; the caller keeps the string.
func SampleLine(s Sample) string {
	var sb strings.Builder
	sb.WriteString(s.Name)
	sb.WriteByte(' ')
	sb.WriteString(strconv.FormatFloat(s.Value, 'g', -1, 64))
	return sb.String()
}

// Registry gathers collectors and caches the last scrape.
type Registry struct {
	mu         sync.Mutex
	collectors []Collector
	last       []byte
}

func (r *Registry) Register(c Collector) {
	r.mu.Lock()
	r.collectors = append(r.collectors, c)
	r.mu.Unlock()
}

// Gather scrapes every collector and remembers the payload.
func (r *Registry) Gather() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	var buf bytes.Buffer
	for _, c := range r.collectors {
		c.Collect(func(s Sample) {
			buf.WriteString(s.Name)
			fmt.Fprintf(&buf, " %g\n", s.Value)
		})
	}
	r.last = buf.Bytes()
	return r.last
}

// PushAsync sends the scrape to w from another goroutine; done closes when it is sent.
func (r *Registry) PushAsync(w io.Writer) <-chan error {
	buf := new(bytes.Buffer)
	for _, c := range r.collectors {
		c.Collect(func(s Sample) { fmt.Fprintf(buf, "%s %g\n", s.Name, s.Value) })
	}
	done := make(chan error, 1)
	go func() {
		_, err := w.Write(buf.Bytes())
		done <- err
	}()
	return done
}

// StreamSamples writes samples through a buffered writer over w.
func StreamSamples(w io.Writer, samples []Sample) error {
	bw := bufio.NewWriter(w)
	for _, s := range samples {
		bw.WriteString(s.Name)
		bw.WriteByte(' ')
		bw.WriteString(strconv.FormatFloat(s.Value, 'f', 3, 64))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Timings keeps a typed histogram behind an any slot for the exporter.
type bucketSet struct {
	bounds []float64
	counts []uint64
}

func (b *bucketSet) Observe(v float64) {
	i := sort.SearchFloat64s(b.bounds, v)
	b.counts[i]++
}

type observer interface{ Observe(float64) }

// QuantileBucket records durations and returns the bucket counts.
func QuantileBucket(durs []float64) []uint64 {
	bs := bucketSet{bounds: []float64{0.1, 0.5, 1, 5}, counts: make([]uint64, 5)}
	slots := []any{&bs}
	o := slots[0].(observer)
	for _, d := range durs {
		o.Observe(d)
	}
	return bs.counts
}
