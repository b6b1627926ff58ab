package notify

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Label is one name="value" pair of a sample.
type Label struct{ Name, Value string }

// Sample is one line of the text exposition format.
type Sample struct {
	Name   string
	Labels []Label
	Value  float64
}

// Family is a metric family with its HELP and TYPE lines.
type Family struct {
	Name    string
	Help    string
	Type    string
	Samples []Sample
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`)

func writeLabels(w io.Writer, labels []Label) {
	if len(labels) == 0 {
		return
	}
	io.WriteString(w, "{")
	for i, l := range labels {
		if i > 0 {
			io.WriteString(w, ",")
		}
		io.WriteString(w, l.Name)
		io.WriteString(w, `="`)
		labelEscaper.WriteString(w, l.Value)
		io.WriteString(w, `"`)
	}
	io.WriteString(w, "}")
}

func formatValue(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// WriteSample writes one sample line to w in a single Write.
func WriteSample(w io.Writer, s *Sample) error {
	var buf bytes.Buffer
	buf.WriteString(s.Name)
	writeLabels(&buf, s.Labels)
	buf.WriteByte(' ')
	buf.WriteString(formatValue(s.Value))
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteFamily writes a whole family, HELP and TYPE first.
func WriteFamily(w io.Writer, f *Family) error {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "# HELP %s %s\n", f.Name, strings.ReplaceAll(f.Help, "\n", `\n`))
	fmt.Fprintf(buf, "# TYPE %s %s\n", f.Name, f.Type)
	for i := range f.Samples {
		s := &f.Samples[i]
		buf.WriteString(s.Name)
		writeLabels(buf, s.Labels)
		buf.WriteByte(' ')
		buf.WriteString(formatValue(s.Value))
		buf.WriteByte('\n')
	}
	_, err := buf.WriteTo(w)
	return err
}

// AppendSample appends one sample line to dst with a scratch for the number.
func AppendSample(dst []byte, s *Sample) []byte {
	dst = append(dst, s.Name...)
	var b strings.Builder
	writeLabels(&b, s.Labels)
	dst = append(dst, b.String()...)
	dst = append(dst, ' ')
	dst = strconv.AppendFloat(dst, s.Value, 'g', -1, 64)
	return append(dst, '\n')
}

// Exposition writes all families sorted by name through a 64 KiB bufio.Writer.
func Exposition(w io.Writer, fams []*Family) error {
	sort.Slice(fams, func(i, j int) bool { return fams[i].Name < fams[j].Name })
	bw := bufio.NewWriterSize(w, 64<<10)
	for _, f := range fams {
		if err := WriteFamily(bw, f); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Histogram is a cumulative histogram with upper bounds.
type Histogram struct {
	Name    string
	Bounds  []float64
	Counts  []uint64
	Sum     float64
	Count   uint64
	Labeled []Label
}

// WriteHistogram writes the _bucket, _sum and _count lines of h.
func WriteHistogram(w io.Writer, h *Histogram) error {
	var buf bytes.Buffer
	var cum uint64
	for i, ub := range h.Bounds {
		cum += h.Counts[i]
		labels := append(h.Labeled[:len(h.Labeled):len(h.Labeled)], Label{"le", formatValue(ub)})
		buf.WriteString(h.Name)
		buf.WriteString("_bucket")
		writeLabels(&buf, labels)
		fmt.Fprintf(&buf, " %d\n", cum)
	}
	fmt.Fprintf(&buf, "%s_sum %s\n", h.Name, formatValue(h.Sum))
	fmt.Fprintf(&buf, "%s_count %d\n", h.Name, h.Count)
	_, err := w.Write(buf.Bytes())
	return err
}

// Cache keeps the last exposition for scrapes that come too soon.
type Cache struct {
	last []byte
}

// Render writes the families and remembers the bytes.
func (c *Cache) Render(w io.Writer, fams []*Family) error {
	var buf bytes.Buffer
	for _, f := range fams {
		if err := WriteFamily(&buf, f); err != nil {
			return err
		}
	}
	c.last = buf.Bytes()
	_, err := w.Write(c.last)
	return err
}

// LabelKey builds the series key of a label set.
func LabelKey(name string, labels []Label) string {
	var sb strings.Builder
	sb.WriteString(name)
	for _, l := range labels {
		sb.WriteByte(0xff)
		sb.WriteString(l.Name)
		sb.WriteByte(0xfe)
		sb.WriteString(l.Value)
	}
	return sb.String()
}

// ScrapeLines counts the sample lines of an exposition read from r.
func ScrapeLines(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) > 0 && line[0] != '#' {
			n++
		}
	}
	return n, sc.Err()
}
