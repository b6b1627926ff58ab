package renderkit

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/template"
)

// Select builds "SELECT cols FROM table WHERE a = $1 AND b = $2 LIMIT n".
func Select(table string, cols []string, where []string, limit int) string {
	var sb strings.Builder
	sb.WriteString("SELECT ")
	sb.WriteString(strings.Join(cols, ", "))
	sb.WriteString(" FROM ")
	sb.WriteString(table)
	for i, w := range where {
		if i == 0 {
			sb.WriteString(" WHERE ")
		} else {
			sb.WriteString(" AND ")
		}
		sb.WriteString(w)
		sb.WriteString(" = $")
		sb.WriteString(strconv.Itoa(i + 1))
	}
	if limit > 0 {
		fmt.Fprintf(&sb, " LIMIT %d", limit)
	}
	return sb.String()
}

// InsertMany builds a multi-row INSERT with numbered placeholders.
func InsertMany(table string, cols []string, rows int) string {
	b := new(strings.Builder)
	fmt.Fprintf(b, "INSERT INTO %s (%s) VALUES ", table, strings.Join(cols, ", "))
	n := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range cols {
			if c > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			n++
		}
		b.WriteByte(')')
	}
	return b.String()
}

// Record is one entry of the append-only log.
type Record struct {
	Seq  uint64
	Kind uint8
	Key  string
	Val  []byte
}

// WriteRecords writes varint-framed records through one scratch buffer.
func WriteRecords(w io.Writer, recs []Record) error {
	scratch := make([]byte, 0, 4096)
	for _, r := range recs {
		scratch = scratch[:0]
		scratch = binary.AppendUvarint(scratch, r.Seq)
		scratch = append(scratch, r.Kind)
		scratch = binary.AppendUvarint(scratch, uint64(len(r.Key)))
		scratch = append(scratch, r.Key...)
		scratch = binary.AppendUvarint(scratch, uint64(len(r.Val)))
		scratch = append(scratch, r.Val...)
		if _, err := w.Write(scratch); err != nil {
			return err
		}
	}
	return nil
}

// EncodeRecord returns one framed record; it is returned, not pooled.
func EncodeRecord(r Record) []byte {
	out := make([]byte, 0, 64)
	out = binary.AppendUvarint(out, r.Seq)
	out = append(out, r.Kind)
	out = binary.AppendUvarint(out, uint64(len(r.Key)))
	out = append(out, r.Key...)
	return out
}

var reportTmpl = template.Must(template.New("r").Parse("{{range .}}{{.Name}}: {{.Score}}\n{{end}}"))

// RenderReport executes the template into a buffer, then writes it only
// when it succeeded.
func RenderReport(w io.Writer, rows []Row) error {
	var buf bytes.Buffer
	if err := reportTmpl.Execute(&buf, rows); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// CountLongLines scans r with a 1 MiB line buffer.
func CountLongLines(r io.Reader, limit int) (int, error) {
	sc := bufio.NewScanner(r)
	buf := make([]byte, 0, 1<<20)
	sc.Buffer(buf, 1<<20)
	n := 0
	for sc.Scan() {
		if len(sc.Bytes()) > limit {
			n++
		}
	}
	return n, sc.Err()
}

// PrintSummary writes the rows to standard output.
func PrintSummary(rows []Row) error {
	bw := bufio.NewWriter(os.Stdout)
	for _, r := range rows {
		fmt.Fprintf(bw, "%-20s %6.2f\n", r.Name, r.Score)
	}
	return bw.Flush()
}

// Pretty writes nested values with two-space indentation.
func Pretty(w io.Writer, v any) error {
	var buf bytes.Buffer
	prettyValue(&buf, v, 0)
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

func prettyValue(buf *bytes.Buffer, v any, depth int) {
	indent := func(d int) {
		for i := 0; i < d; i++ {
			buf.WriteString("  ")
		}
	}
	switch x := v.(type) {
	case map[string]any:
		buf.WriteString("{\n")
		for k, e := range x {
			indent(depth + 1)
			buf.WriteString(strconv.Quote(k))
			buf.WriteString(": ")
			prettyValue(buf, e, depth+1)
			buf.WriteString(",\n")
		}
		indent(depth)
		buf.WriteByte('}')
	case []any:
		buf.WriteString("[\n")
		for _, e := range x {
			indent(depth + 1)
			prettyValue(buf, e, depth+1)
			buf.WriteString(",\n")
		}
		indent(depth)
		buf.WriteByte(']')
	default:
		fmt.Fprintf(buf, "%v", x)
	}
}

// Snapshot renders rows and keeps the buffer in the cache: retained.
var lastReport *bytes.Buffer

func Snapshot(rows []Row) {
	buf := new(bytes.Buffer)
	for _, r := range rows {
		fmt.Fprintf(buf, "%d\n", r.ID)
	}
	lastReport = buf
}

// DumpFile writes a hexdump of a file's head, read with a bounded buffer.
func DumpFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return err
	}
	return Hexdump(w, head[:n])
}
