package level

import "testing"

// TestBehaviour: a Verbose level indents 256 bytes, which an array sized by maxLevel (or by Verbose) cannot hold.
func TestBehaviour(t *testing.T) {
	if Indent(maxLevel) == 0 || Indent(Verbose) == 0 || Indent(Verbose+4) == 0 {
		t.Fatal("a valid level was refused")
	}
	if Indent(-1) != 0 || Indent(maxLevel+1) != 0 {
		t.Fatal("an invalid level was indented")
	}
}
