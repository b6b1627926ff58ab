package docs

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
)

// Edit is one line of an edit script.
type Edit struct {
	Op   byte // ' ', '-', '+'
	Line string
}

// Hunk is a run of edits with its header positions.
type Hunk struct {
	FromLine, FromCount int
	ToLine, ToCount     int
	Edits               []Edit
}

// Unified writes hunks as a unified diff.
func Unified(w io.Writer, from, to string, hunks []Hunk) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "--- %s\n+++ %s\n", from, to)
	for _, h := range hunks {
		writeHunk(&buf, h)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func writeHunk(w io.Writer, h Hunk) {
	fmt.Fprintf(w, "@@ -%s +%s @@\n", rangeOf(h.FromLine, h.FromCount), rangeOf(h.ToLine, h.ToCount))
	for _, e := range h.Edits {
		fmt.Fprintf(w, "%c%s\n", e.Op, e.Line)
	}
}

func rangeOf(start, count int) string {
	if count == 1 {
		return strconv.Itoa(start)
	}
	return strconv.Itoa(start) + "," + strconv.Itoa(count)
}

// HunkHeader returns one hunk's header line.
func HunkHeader(h Hunk) string {
	var sb bytes.Buffer
	fmt.Fprintf(&sb, "@@ -%d,%d +%d,%d @@", h.FromLine, h.FromCount, h.ToLine, h.ToCount)
	return sb.String()
}

// DiffStat summarises hunks as "N insertions(+), M deletions(-)".
func DiffStat(hunks []Hunk) string {
	var add, del int
	for _, h := range hunks {
		for _, e := range h.Edits {
			switch e.Op {
			case '+':
				add++
			case '-':
				del++
			}
		}
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%d insertion", add)
	if add != 1 {
		buf.WriteByte('s')
	}
	fmt.Fprintf(&buf, "(+), %d deletion", del)
	if del != 1 {
		buf.WriteByte('s')
	}
	buf.WriteString("(-)")
	return buf.String()
}

// ColorDiff copies a diff from r to w, colouring added and removed lines.
func ColorDiff(w io.Writer, r io.Reader) error {
	bw := bufio.NewWriter(w)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case len(line) > 0 && line[0] == '+':
			fmt.Fprintf(bw, "\x1b[32m%s\x1b[0m\n", line)
		case len(line) > 0 && line[0] == '-':
			fmt.Fprintf(bw, "\x1b[31m%s\x1b[0m\n", line)
		default:
			bw.WriteString(line)
			bw.WriteByte('\n')
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return bw.Flush()
}

// Patch keeps its rendered text (must decline: the Bytes() are kept after the call).
type Patch struct {
	Name string
	Text []byte
}

// MakePatch renders hunks into a Patch.
func MakePatch(name string, hunks []Hunk) Patch {
	var buf bytes.Buffer
	Unified(&buf, "a/"+name, "b/"+name, hunks)
	return Patch{Name: name, Text: buf.Bytes()}
}
