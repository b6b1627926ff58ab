// Package metrics writes the Prometheus text exposition of a registry's counters.
package metrics

import (
	"bufio"
	"bytes"
	"io"
	"sort"
	"strconv"
)

// Counter is one labelled counter.
type Counter struct {
	Name   string
	Labels [][2]string
	Value  float64
}

// writeCounter formats one sample line in a buffer and hands it to w with one WriteTo: the buffer calls
// w.Write once and keeps nothing of w.
func writeCounter(w io.Writer, c *Counter) error {
	var line bytes.Buffer
	line.WriteString(c.Name)
	if len(c.Labels) > 0 {
		line.WriteByte('{')
		for i, l := range c.Labels {
			if i > 0 {
				line.WriteByte(',')
			}
			line.WriteString(l[0])
			line.WriteString(`="`)
			line.WriteString(l[1])
			line.WriteByte('"')
		}
		line.WriteByte('}')
	}
	line.WriteByte(' ')
	line.WriteString(strconv.FormatFloat(c.Value, 'g', -1, 64))
	line.WriteByte('\n')
	_, err := line.WriteTo(w)
	return err
}

// Expose writes every counter, sorted by name, through a 64 KiB buffered writer: one scrape, few writes to w.
func Expose(w io.Writer, counters []Counter) error {
	sort.Slice(counters, func(i, j int) bool { return counters[i].Name < counters[j].Name })
	bw := bufio.NewWriterSize(w, 64<<10) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap"
	for i := range counters {
		if err := writeCounter(bw, &counters[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}
