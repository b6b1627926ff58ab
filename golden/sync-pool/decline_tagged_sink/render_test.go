package audit

import "testing"

func TestRenderKeeps(t *testing.T) {
	k := &Keeper{}
	Render(k, 1)
	Render(k, 2)
	if first, second := string(k.Lines[0]), string(k.Lines[1]); first != "value=1" || second != "value=2" {
		t.Fatalf("the keeper holds %q, %q", first, second)
	}
}
