package buffunc

import (
	"bytes"
	"testing"
)

func TestEach(t *testing.T) {
	var kept *bytes.Buffer
	Each([]string{"a", "b"}, func(b *bytes.Buffer) { kept = b })
	if got := kept.String(); got != "0:a;1:b;" {
		t.Fatalf("the callback's buffer holds %q", got)
	}
}
