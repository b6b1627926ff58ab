package rows

import (
	"bufio"
	"bytes"
	"io"
	"testing"
)

var table = [][]int{{1, 2, 3}, {40, 50, 60}}

func TestWriteRows(t *testing.T) {
	var out bytes.Buffer
	if err := WriteRows(&out, table); err != nil || out.String() != "1\t2\t3\n40\t50\t60\n" {
		t.Fatalf("WriteRows = %q, %v", out.String(), err)
	}
}

// A caller's own bufio.Writer is used as it is, and flushed: its earlier bytes reach the writer too.
func TestCallersWriterIsFlushed(t *testing.T) {
	var out bytes.Buffer
	caller := bufio.NewWriter(&out)
	caller.WriteString("head\n")
	if err := WriteRows(caller, table[:1]); err != nil {
		t.Fatal(err)
	}
	if out.String() != "head\n1\t2\t3\n" {
		t.Fatalf("after WriteRows the writer holds %q", out.String())
	}
	caller.WriteString("tail\n")
	caller.Flush()
	if out.String() != "head\n1\t2\t3\ntail\n" {
		t.Fatalf("the caller's writer was disturbed: %q", out.String())
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { WriteRows(io.Discard, table) }))
}
