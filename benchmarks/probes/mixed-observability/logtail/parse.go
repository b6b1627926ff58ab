// Package logtail follows log files and parses their logfmt lines.
package logtail

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"example.com/probes/mixed-observability/limits"
)

const maxFields = 24

var levelNames = [limits.NumLevels]string{"debug", "info", "warn", "error"}

// Field is one key=value pair of a logfmt line.
type Field struct {
	Key, Value string
}

// FieldOffsets returns the sum of the key offsets of a line, -1 when it has too many fields.
func FieldOffsets(line string) int {
	n := strings.Count(line, "=")
	if n > maxFields {
		return -1
	}
	offs := make([]int, 0, n)
	for i := 0; i < len(line); i++ {
		if line[i] == '=' {
			offs = append(offs, i)
		}
	}
	sum := 0
	for _, o := range offs {
		sum += o
	}
	return sum
}

// Clip keeps at most MaxLineBytes of a line and replaces control bytes.
func Clip(line string) string {
	n := min(len(line), limits.MaxLineBytes)
	buf := make([]byte, n)
	copy(buf, line)
	for i, c := range buf {
		if c < ' ' {
			buf[i] = ' '
		}
	}
	return string(buf)
}

// Escape quotes a value, doubling its size at most; longer values are cut first.
func Escape(v string) string {
	if len(v) > limits.MaxLabelName {
		v = v[:limits.MaxLabelName]
	}
	buf := make([]byte, 0, 2*len(v)+2)
	buf = append(buf, '"')
	for i := 0; i < len(v); i++ {
		if v[i] == '"' || v[i] == '\\' {
			buf = append(buf, '\\')
		}
		buf = append(buf, v[i])
	}
	buf = append(buf, '"')
	return string(buf)
}

// LevelOf reads the level=… field of a line.
func LevelOf(line string) limits.Level {
	i := strings.Index(line, "level=")
	if i < 0 {
		return limits.LevelInfo
	}
	rest := line[i+len("level="):]
	if j := strings.IndexByte(rest, ' '); j >= 0 {
		rest = rest[:j]
	}
	for l, name := range levelNames {
		if rest == name {
			return limits.Level(l)
		}
	}
	return limits.LevelInfo
}

// LevelHistogram counts lines per level, levels above the known ones dropped.
func LevelHistogram(lines []string, top limits.Level) int {
	if top > limits.NumLevels {
		top = limits.NumLevels
	}
	counts := make([]int, top)
	for _, l := range lines {
		if lv := LevelOf(l); lv < top {
			counts[lv]++
		}
	}
	most := 0
	for _, c := range counts {
		most = max(most, c)
	}
	return most
}

// Fields parses a logfmt line; the fields are returned to the caller.
func Fields(line string) []Field {
	n := min(strings.Count(line, "="), maxFields)
	out := make([]Field, 0, n)
	for _, part := range strings.Fields(line) {
		k, v, ok := strings.Cut(part, "=")
		if ok && len(out) < n {
			out = append(out, Field{k, v})
		}
	}
	return out
}

// LastLines keeps the last n lines of r in a ring, n capped at 64.
func LastLines(r io.Reader, n int) (string, error) {
	const maxTail = 64
	if n <= 0 {
		return "", nil
	}
	if n > maxTail {
		n = maxTail
	}
	ring := make([]string, n)
	sc := bufio.NewScanner(r)
	i := 0
	for sc.Scan() {
		ring[i%n] = sc.Text()
		i++
	}
	var b strings.Builder
	for k := max(0, i-n); k < i; k++ {
		b.WriteString(ring[k%n])
		b.WriteByte('\n')
	}
	return b.String(), sc.Err()
}

// Window sums the byte sizes of a sliding window of lines; the window comes from config.
func Window(lines []string, w int) int {
	sizes := make([]int, w)
	best := 0
	sum := 0
	for i, l := range lines {
		sum += len(l) - sizes[i%w]
		sizes[i%w] = len(l)
		best = max(best, sum)
	}
	return best
}

// Summary renders a parse summary line into a buffer and returns its text.
func Summary(file string, lines, errs int) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "file=%s lines=%d errors=%d", file, lines, errs)
	return buf.String()
}

// Position formats a file:line:col position with strconv appends.
func Position(file string, line, col int) string {
	if len(file) > limits.MaxLabelName {
		file = file[len(file)-limits.MaxLabelName:]
	}
	b := make([]byte, 0, len(file)+2*20+2)
	b = append(b, file...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(col), 10)
	return string(b)
}

// WriteRecord writes one parsed record to w.
func WriteRecord(w io.Writer, fields []Field) error {
	var buf bytes.Buffer
	for i, f := range fields {
		if i > 0 {
			buf.WriteByte(' ')
		}
		fmt.Fprint(&buf, f.Key, "=", strconv.Quote(f.Value))
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// Pending keeps rendered records until the next flush.
type Pending struct {
	recs [][]byte
}

// Add renders a record and keeps its bytes.
func (p *Pending) Add(fields []Field) {
	var buf bytes.Buffer
	for _, f := range fields {
		io.WriteString(&buf, f.Key)
		buf.WriteByte('=')
		io.WriteString(&buf, f.Value)
		buf.WriteByte(' ')
	}
	p.recs = append(p.recs, buf.Bytes())
}
