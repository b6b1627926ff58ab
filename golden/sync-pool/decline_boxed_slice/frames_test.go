package frames

import "testing"

func TestObservedFramesStayPut(t *testing.T) {
	observed = nil
	Build([]string{"first ", "frame"})
	Build([]string{"second frame, longer"})
	if len(observed) != 2 || string(observed[0]) != "first frame" {
		t.Fatalf("the first observed frame changed after a later call: %q", observed)
	}
}
