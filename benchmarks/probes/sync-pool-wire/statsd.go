package wire

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Tag is a DogStatsD tag.
type Tag struct{ Key, Value string }

func writeTags(w io.Writer, tags []Tag) {
	if len(tags) == 0 {
		return
	}
	io.WriteString(w, "|#")
	for i, t := range tags {
		if i > 0 {
			io.WriteString(w, ",")
		}
		io.WriteString(w, t.Key)
		if t.Value != "" {
			io.WriteString(w, ":")
			io.WriteString(w, t.Value)
		}
	}
}

// Count sends a counter line.
func Count(conn io.Writer, name string, v int64, rate float64, tags []Tag) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s:%d|c", name, v)
	if rate < 1 {
		fmt.Fprintf(&buf, "|@%g", rate)
	}
	writeTags(&buf, tags)
	_, err := conn.Write(buf.Bytes())
	return err
}

// Gauge sends a gauge line, built with strconv appends into a scratch array.
func Gauge(conn io.Writer, name string, v float64, tags []Tag) error {
	b := make([]byte, 0, 512)
	b = append(b, name...)
	b = append(b, ':')
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	b = append(b, "|g"...)
	for i, t := range tags {
		if i == 0 {
			b = append(b, "|#"...)
		} else {
			b = append(b, ',')
		}
		b = append(b, t.Key...)
		b = append(b, ':')
		b = append(b, t.Value...)
	}
	_, err := conn.Write(b)
	return err
}

// Timing renders a timing line as a string, for a batching sender.
func Timing(name string, ms float64, tags []Tag) string {
	var sb strings.Builder
	sb.WriteString(name)
	sb.WriteByte(':')
	sb.WriteString(strconv.FormatFloat(ms, 'f', 3, 64))
	sb.WriteString("|ms")
	writeTags(&sb, tags)
	return sb.String()
}

// Event renders a DogStatsD event.
func Event(title, text string, tags []Tag) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "_e{%d,%d}:%s|%s", len(title), len(text), title, strings.ReplaceAll(text, "\n", "\\n"))
	writeTags(&buf, tags)
	return buf.String()
}

// SortedTags renders tags sorted, for a metric key.
func SortedTags(tags map[string]string) string {
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for i, k := range keys {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(k)
		sb.WriteByte(':')
		sb.WriteString(tags[k])
	}
	return sb.String()
}

// Batcher packs lines into datagrams of at most 1432 bytes.
type Batcher struct {
	Conn    io.Writer
	pending *strings.Builder
}

// lineBuilder returns a fresh builder for one line: the caller keeps it, so must decline.
func lineBuilder(name string) *strings.Builder {
	sb := new(strings.Builder)
	sb.WriteString(name)
	sb.WriteByte(':')
	return sb
}

// Add appends a counter line to the pending datagram and flushes when full.
func (b *Batcher) Add(name string, v int64) error {
	line := lineBuilder(name)
	line.WriteString(strconv.FormatInt(v, 10))
	line.WriteString("|c\n")
	if b.pending != nil && b.pending.Len()+line.Len() > 1432 {
		if _, err := io.WriteString(b.Conn, b.pending.String()); err != nil {
			return err
		}
		b.pending = nil
	}
	if b.pending == nil {
		b.pending = line
		return nil
	}
	b.pending.WriteString(line.String())
	return nil
}
