package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"example.com/freshingest/limits"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// SeriesKey builds the canonical key "name{k=v,...}".
func SeriesKey(p Point) string {
	var sb strings.Builder
	sb.WriteString(p.Name)
	sb.WriteByte('{')
	for i, t := range p.Tags {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, "%s=%s", t.Key, t.Value)
	}
	sb.WriteByte('}')
	return sb.String()
}

// KeyHash hashes the series key into a shard number.
func KeyHash(p Point, shards int) int {
	key := make([]byte, 0, limits.MaxKeyBytes)
	key = append(key, p.Name...)
	for _, t := range p.Tags {
		key = append(key, t.Key...)
		key = append(key, t.Value...)
	}
	var h uint32 = 2166136261
	for _, c := range key {
		h = (h ^ uint32(c)) * 16777619
	}
	return int(h % uint32(shards))
}

// WriteLine renders a point in line protocol to w.
func WriteLine(w io.Writer, p Point) error {
	var buf bytes.Buffer
	buf.WriteString(p.Name)
	for _, t := range p.Tags {
		fmt.Fprintf(&buf, ",%s=%s", t.Key, t.Value)
	}
	fmt.Fprintf(&buf, " %g %d\n", p.Value, p.TS)
	_, err := w.Write(buf.Bytes())
	return err
}

// EncodeJSON writes the points as a JSON array using a pooled buffer.
func EncodeJSON(w io.Writer, points []Point) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := json.NewEncoder(buf).Encode(points); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Describe returns a human summary of a batch.
func Describe(batch []Point) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%d points", len(batch))
	if len(batch) > 0 {
		fmt.Fprintf(&buf, " from %d to %d", batch[0].TS, batch[len(batch)-1].TS)
	}
	return buf.String()
}

// ErrorKey formats the key under which a parse error is counted.
func ErrorKey(file string, line int) string {
	return fmt.Sprintf("%s:%d", file, line)
}

// RejectReason formats why a point was rejected.
func RejectReason(p Point, limit int) error {
	return fmt.Errorf("point %s: %d tags exceeds limit %d", p.Name, len(p.Tags), limit)
}

// AppendValue appends a value formatted for the wire.
func AppendValue(dst []byte, v float64) []byte {
	tmp := make([]byte, 0, 32)
	tmp = strconv.AppendFloat(tmp, v, 'g', -1, 64)
	return append(dst, tmp...)
}

// ShardName names the shard file of a metric.
func ShardName(dir string, shard int) string {
	return dir + "/shard-" + strconv.Itoa(shard) + ".log"
}

// LogDropped writes one line per dropped point to the log writer.
func LogDropped(w io.Writer, dropped []Point) {
	for _, p := range dropped {
		fmt.Fprintf(w, "dropped %s at %d\n", p.Name, p.TS)
	}
}

// Render renders points to a string through a pooled buffer.
func Render(points []Point) string {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	for _, p := range points {
		fmt.Fprintf(buf, "%s %g\n", p.Name, p.Value)
	}
	s := buf.String()
	bufPool.Put(buf)
	return s
}

// headerLine renders the column header used by the text exporter.
func headerLine(cols []string) int {
	var buf bytes.Buffer
	for i, c := range cols {
		if i > 0 {
			buf.WriteByte('\t')
		}
		fmt.Fprintf(&buf, "%-12s", c)
	}
	return buf.Len()
}

// padKey left-pads a key to a fixed width for aligned output.
func padKey(key string, width int) string {
	if width > limits.MaxKeyBytes {
		width = limits.MaxKeyBytes
	}
	if len(key) >= width {
		return key
	}
	pad := make([]byte, width-len(key))
	for i := range pad {
		pad[i] = ' '
	}
	return string(pad) + key
}
