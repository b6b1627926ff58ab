package cursor

import (
	"fmt"
	"iter"
	"testing"
)

func open(rows [][]string, label *string) interface{ All() iter.Seq[string] } {
	return Pages{Rows: rows, Label: label}
}

func TestBehaviour(t *testing.T) {
	if got := fmt.Sprint(Tag([][]string{{"a"}, {"b"}}, open)); got != "[page0:a page1:b done]" {
		t.Fatal(got)
	}
}
