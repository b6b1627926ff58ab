package wire

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

// Sample is one sample of a metric family.
type Sample struct {
	Labels map[string]string
	Value  float64
}

// Family is a metric family.
type Family struct {
	Name, Help, Type string
	Samples          []Sample
}

var labelEscaper = strings.NewReplacer("\\", `\\`, "\n", `\n`, "\"", `\"`)

func formatFloat(v float64) string {
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

func writeLabels(w io.Writer, labels map[string]string) {
	if len(labels) == 0 {
		return
	}
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	io.WriteString(w, "{")
	for i, k := range keys {
		if i > 0 {
			io.WriteString(w, ",")
		}
		io.WriteString(w, k)
		io.WriteString(w, `="`)
		labelEscaper.WriteString(w, labels[k])
		io.WriteString(w, `"`)
	}
	io.WriteString(w, "}")
}

// WriteFamily writes one family in the text exposition format.
func WriteFamily(w io.Writer, f *Family) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# HELP %s %s\n", f.Name, strings.ReplaceAll(f.Help, "\n", `\n`))
	fmt.Fprintf(&buf, "# TYPE %s %s\n", f.Name, f.Type)
	for _, s := range f.Samples {
		buf.WriteString(f.Name)
		writeLabels(&buf, s.Labels)
		buf.WriteByte(' ')
		buf.WriteString(formatFloat(s.Value))
		buf.WriteByte('\n')
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteExposition writes every family through a bufio.Writer.
func WriteExposition(w io.Writer, fams []*Family) error {
	bw := bufio.NewWriter(w)
	for _, f := range fams {
		fmt.Fprintf(bw, "# HELP %s %s\n# TYPE %s %s\n", f.Name, f.Help, f.Name, f.Type)
		for _, s := range f.Samples {
			bw.WriteString(f.Name)
			writeLabels(bw, s.Labels)
			bw.WriteByte(' ')
			bw.WriteString(formatFloat(s.Value))
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

// SeriesKey renders a sample's identity, name and sorted labels.
func SeriesKey(name string, labels map[string]string) string {
	var sb strings.Builder
	sb.WriteString(name)
	writeLabels(&sb, labels)
	return sb.String()
}

// Histogram writes the buckets, sum and count of a histogram.
func Histogram(w io.Writer, name string, bounds []float64, counts []uint64, sum float64) error {
	var buf bytes.Buffer
	var cum uint64
	for i, b := range bounds {
		cum += counts[i]
		fmt.Fprintf(&buf, "%s_bucket{le=\"%s\"} %d\n", name, formatFloat(b), cum)
	}
	fmt.Fprintf(&buf, "%s_bucket{le=\"+Inf\"} %d\n", name, cum)
	fmt.Fprintf(&buf, "%s_sum %s\n%s_count %d\n", name, formatFloat(sum), name, cum)
	_, err := io.Copy(w, &buf)
	return err
}

// Scrape caches the last exposition for a slow scraper: must decline.
type Scrape struct {
	body []byte
}

// Refresh renders families and keeps the bytes.
func (s *Scrape) Refresh(fams []*Family) {
	var buf bytes.Buffer
	for _, f := range fams {
		WriteFamily(&buf, f)
	}
	s.body = buf.Bytes()
}

// Body returns the cached exposition.
func (s *Scrape) Body() []byte { return s.body }
