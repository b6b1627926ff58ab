package renderkit

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

const (
	colorRed   = "\x1b[31m"
	colorGreen = "\x1b[32m"
	colorCyan  = "\x1b[36m"
	colorReset = "\x1b[0m"
)

// Op is one line of an edit script.
type Op struct {
	Kind byte // ' ', '-', '+'
	Text string
}

// Hunk is a run of ops with its header positions.
type Hunk struct {
	OldStart, OldLines int
	NewStart, NewLines int
	Ops                []Op
}

// WriteUnified writes hunks as a unified diff, coloured when color is set.
func WriteUnified(w io.Writer, oldName, newName string, hunks []Hunk, color bool) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks {
		if color {
			buf.WriteString(colorCyan)
		}
		fmt.Fprintf(&buf, "@@ -%d,%d +%d,%d @@", h.OldStart, h.OldLines, h.NewStart, h.NewLines)
		if color {
			buf.WriteString(colorReset)
		}
		buf.WriteByte('\n')
		for _, op := range h.Ops {
			switch {
			case color && op.Kind == '-':
				buf.WriteString(colorRed)
			case color && op.Kind == '+':
				buf.WriteString(colorGreen)
			}
			buf.WriteByte(op.Kind)
			buf.WriteString(op.Text)
			if color && op.Kind != ' ' {
				buf.WriteString(colorReset)
			}
			buf.WriteByte('\n')
		}
	}
	_, err := buf.WriteTo(w)
	return err
}

// Hexdump writes a canonical hexdump of data.
func Hexdump(w io.Writer, data []byte) error {
	var sb strings.Builder
	d := hex.Dumper(&sb)
	d.Write(data)
	d.Close()
	_, err := io.WriteString(w, sb.String())
	return err
}

// HexLines writes "offset  hex  |ascii|" lines using a fixed scratch line.
func HexLines(w io.Writer, data []byte) error {
	line := make([]byte, 0, 80)
	for off := 0; off < len(data); off += 16 {
		end := min(off+16, len(data))
		line = line[:0]
		line = fmt.Appendf(line, "%08x  ", off)
		line = hex.AppendEncode(line, data[off:end])
		for i := end - off; i < 16; i++ {
			line = append(line, "  "...)
		}
		line = append(line, "  |"...)
		for _, c := range data[off:end] {
			if c < 32 || c > 126 {
				c = '.'
			}
			line = append(line, c)
		}
		line = append(line, "|\n"...)
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	return nil
}

// DiffStat summarises the hunks as "N insertions(+), M deletions(-)".
func DiffStat(hunks []Hunk) string {
	var ins, del int
	for _, h := range hunks {
		for _, op := range h.Ops {
			switch op.Kind {
			case '+':
				ins++
			case '-':
				del++
			}
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d insertion(s)(+), %d deletion(s)(-)", ins, del)
	return b.String()
}

// Renderer streams a diff as it is computed; a goroutine drains the
// pending lines while the caller keeps writing into them, so the shared
// buffer really is observed after later writes.
type Renderer struct {
	pending chan *bytes.Buffer
	done    chan struct{}
}

func (r *Renderer) Stream(w io.Writer, ops []Op) {
	buf := new(bytes.Buffer)
	go func() {
		for b := range r.pending {
			w.Write(b.Bytes())
		}
		close(r.done)
	}()
	for _, op := range ops {
		buf.WriteByte(op.Kind)
		buf.WriteString(op.Text)
		buf.WriteByte('\n')
		r.pending <- buf
	}
	close(r.pending)
	<-r.done
}
