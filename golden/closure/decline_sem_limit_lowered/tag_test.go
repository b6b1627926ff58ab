package tag

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if got := fmt.Sprint(Tag([]string{"a", "b"}, 2, "?")); got != "[a? b!]" {
		t.Fatalf("Tag = %s", got)
	}
}
