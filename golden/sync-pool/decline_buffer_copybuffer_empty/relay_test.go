package relay

import (
	"strings"
	"testing"
)

func TestForwardWithoutABannerAfterOneWith(t *testing.T) {
	var out strings.Builder
	if _, err := Forward(&out, strings.NewReader("body\n"), []string{"relay 1.0"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Forward(&out, strings.NewReader("more\n"), nil); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "relay 1.0\nbody\nmore\n" {
		t.Fatalf("forwarded %q", got)
	}
}
