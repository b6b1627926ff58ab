package shadow

import (
	"strings"
	"testing"
)

func TestShadow(t *testing.T) {
	var sb strings.Builder
	if got := ElseOuter(&sb); got != "true|outer" {
		t.Errorf("ElseOuter = %q", got)
	}
	var sb2 strings.Builder
	if got := ElseOuterLocal(&sb2); got != "outer" {
		t.Errorf("ElseOuterLocal = %q", got)
	}
	if got := ElseShadowString("S"); got != "not a reader: <nil>" {
		t.Errorf("ElseShadowString = %q", got)
	}
	if got := DefaultShadow(3); got != "default *shadow.named" {
		t.Errorf("DefaultShadow = %q", got)
	}
	var sb3 strings.Builder
	if got := StatementOk(&sb3); got != "nil writer: true" {
		t.Errorf("StatementOk = %q", got)
	}
}
