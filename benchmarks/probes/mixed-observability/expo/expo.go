// Package expo writes metrics in the Prometheus text exposition format.
package expo

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"example.com/probes/mixed-observability/limits"
)

// Metric is one sample with its labels.
type Metric struct {
	Name   string
	Help   string
	Labels []string // name, value, name, value…
	Value  float64
}

// Family writes a metric family: HELP, TYPE and the samples.
func Family(w io.Writer, kind string, ms []Metric) error {
	if len(ms) == 0 {
		return nil
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# HELP %s %s\n", ms[0].Name, ms[0].Help)
	fmt.Fprintf(&b, "# TYPE %s %s\n", ms[0].Name, kind)
	for _, m := range ms {
		io.WriteString(&b, m.Name)
		writeLabels(&b, m.Labels)
		b.WriteByte(' ')
		b.WriteString(strconv.FormatFloat(m.Value, 'g', -1, 64))
		b.WriteByte('\n')
	}
	_, err := b.WriteTo(w)
	return err
}

func writeLabels(w io.Writer, kv []string) {
	if len(kv) == 0 {
		return
	}
	io.WriteString(w, "{")
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			io.WriteString(w, ",")
		}
		fmt.Fprintf(w, "%s=%q", kv[i], kv[i+1])
	}
	io.WriteString(w, "}")
}

// Sample renders one sample line.
func Sample(m Metric) string {
	var b strings.Builder
	b.WriteString(m.Name)
	writeLabels(&b, m.Labels)
	fmt.Fprint(&b, " ", m.Value)
	return b.String()
}

// Buffered writes many families through a bufio.Writer over w.
func Buffered(w io.Writer, fams map[string][]Metric) error {
	bw := bufio.NewWriter(w)
	for kind, ms := range fams {
		if err := Family(bw, kind, ms); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// LabelPairs checks a sample's label list and returns how many pairs it holds, at most MaxLabels.
func LabelPairs(m Metric) int {
	if len(m.Labels)%2 != 0 || len(m.Labels) > 2*limits.MaxLabels {
		return -1
	}
	names := make([]string, len(m.Labels)/2)
	for i := range names {
		names[i] = m.Labels[2*i]
	}
	for i := 1; i < len(names); i++ {
		if names[i] == names[i-1] {
			return -1
		}
	}
	return len(names)
}

// Counter renders "name value" with appends into a scratch sized by the name, which is checked.
func Counter(name string, v uint64) string {
	if len(name) > limits.MaxLabelName {
		return ""
	}
	b := make([]byte, 0, len(name)+1+20)
	b = append(b, name...)
	b = append(b, ' ')
	b = strconv.AppendUint(b, v, 10)
	return string(b)
}

// Timestamped renders a sample with a timestamp into the caller's buffer, which it returns.
func Timestamped(dst []byte, m Metric, ms int64) []byte {
	dst = append(dst, m.Name...)
	dst = append(dst, ' ')
	dst = strconv.AppendFloat(dst, m.Value, 'g', -1, 64)
	dst = append(dst, ' ')
	return strconv.AppendInt(dst, ms, 10)
}

// Cache keeps rendered families for the next scrape: the buffer outlives the call.
type Cache struct {
	body []byte
}

// Render renders and keeps the families.
func (c *Cache) Render(kind string, ms []Metric) {
	var b bytes.Buffer
	Family(&b, kind, ms)
	c.body = b.Bytes()
}

// Escape escapes a help text into a scratch sized for doubling, for help texts the registry limits to 256 bytes.
func Escape(help string) string {
	if len(help) > limits.MaxLineBytes {
		help = help[:limits.MaxLineBytes]
	}
	out := make([]byte, 0, len(help)*2)
	for i := 0; i < len(help); i++ {
		switch help[i] {
		case '\\':
			out = append(out, '\\', '\\')
		case '\n':
			out = append(out, '\\', 'n')
		default:
			out = append(out, help[i])
		}
	}
	return string(out)
}
