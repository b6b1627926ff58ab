package replies

import (
	"strings"
	"testing"
)

func TestAnswer(t *testing.T) {
	for range 2 {
		var out strings.Builder
		if err := Answer(&out, []string{"a", "b"}, map[string]int{"a": 1}); err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != "VALUE a 1\r\nMISS b\r\nEND\r\n" {
			t.Fatalf("Answer = %q", got)
		}
	}
}
