package bufwrite

import "testing"

func TestFrames(t *testing.T) {
	q := &Queue{}
	Frame(q, "ab")
	Frame(q, "xyz")
	if string(q.Frames[0]) != "0002ab" || string(q.Frames[1]) != "0003xyz" {
		t.Fatalf("the queue holds %q", q.Frames)
	}
}
