package report

import (
	"bytes"
	"fmt"
	"testing"
)

func TestBegin(t *testing.T) {
	var out bytes.Buffer
	tw := Begin(&out, "ID", "STATE")
	fmt.Fprintf(tw, "%d\t%s\t\n", 7, "running")
	if err := tw.Flush(); err != nil || out.String() != "ID  STATE    \n7   running  \n" {
		t.Fatalf("wrote %q, %v", out.String(), err)
	}
}
