package bufwrite

import "testing"

// frames keeps every slice it is given, as a writer that queues its input may.
type frames struct{ got [][]byte }

func (f *frames) Write(p []byte) (int, error) { f.got = append(f.got, p); return len(p), nil }

func TestFrames(t *testing.T) {
	f := &frames{}
	Frame(f, "ab")
	Frame(f, "xyz")
	if string(f.got[0]) != "0002ab" || string(f.got[1]) != "0003xyz" {
		t.Fatalf("the writer holds %q", f.got)
	}
}
