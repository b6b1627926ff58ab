package wire

import (
	"bytes"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Point is one InfluxDB point.
type Point struct {
	Measurement string
	Tags        map[string]string
	Fields      map[string]any
	Time        time.Time
}

var (
	measurementEscaper = strings.NewReplacer(",", `\,`, " ", `\ `)
	keyEscaper         = strings.NewReplacer(",", `\,`, "=", `\=`, " ", `\ `)
	stringEscaper      = strings.NewReplacer(`"`, `\"`, `\`, `\\`)
)

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func writeField(buf *bytes.Buffer, v any) {
	switch v := v.(type) {
	case int:
		buf.WriteString(strconv.Itoa(v))
		buf.WriteByte('i')
	case int64:
		buf.WriteString(strconv.FormatInt(v, 10))
		buf.WriteByte('i')
	case float64:
		buf.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	case bool:
		buf.WriteString(strconv.FormatBool(v))
	case string:
		buf.WriteByte('"')
		stringEscaper.WriteString(buf, v)
		buf.WriteByte('"')
	}
}

// WritePoint writes one point in line protocol.
func WritePoint(w io.Writer, p *Point) error {
	var buf bytes.Buffer
	measurementEscaper.WriteString(&buf, p.Measurement)
	for _, k := range sortedKeys(p.Tags) {
		buf.WriteByte(',')
		keyEscaper.WriteString(&buf, k)
		buf.WriteByte('=')
		keyEscaper.WriteString(&buf, p.Tags[k])
	}
	for i, k := range sortedKeys(p.Fields) {
		if i == 0 {
			buf.WriteByte(' ')
		} else {
			buf.WriteByte(',')
		}
		keyEscaper.WriteString(&buf, k)
		buf.WriteByte('=')
		writeField(&buf, p.Fields[k])
	}
	if !p.Time.IsZero() {
		buf.WriteByte(' ')
		buf.WriteString(strconv.FormatInt(p.Time.UnixNano(), 10))
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// LineOf returns the point's line, for logging.
func LineOf(p *Point) string {
	var buf bytes.Buffer
	WritePoint(&buf, p)
	return strings.TrimSuffix(buf.String(), "\n")
}

// WriteBatch writes points with a scratch line per point, appended with strconv.
func WriteBatch(w io.Writer, name string, values []float64, at time.Time) error {
	line := make([]byte, 0, 1024)
	for i, v := range values {
		line = line[:0]
		line = append(line, name...)
		line = append(line, ",idx="...)
		line = strconv.AppendInt(line, int64(i), 10)
		line = append(line, " value="...)
		line = strconv.AppendFloat(line, v, 'g', -1, 64)
		line = append(line, ' ')
		line = strconv.AppendInt(line, at.UnixNano(), 10)
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	return nil
}

// Sink is where a batch writer hands its encoded batches; implementations may queue them.
type Sink interface {
	Enqueue(batch []byte) error
}

// Flush encodes points and hands the batch to a Sink, whose Enqueue may keep it: must decline.
func Flush(s Sink, points []*Point) error {
	var buf bytes.Buffer
	for _, p := range points {
		if err := WritePoint(&buf, p); err != nil {
			return err
		}
	}
	return s.Enqueue(buf.Bytes())
}
