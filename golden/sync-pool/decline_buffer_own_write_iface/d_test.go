package audit

import "testing"

// memRecorder keeps every event as given: a Recorder may.
type memRecorder struct{ events [][]byte }

func (m *memRecorder) Write(p []byte) (int, error) {
	m.events = append(m.events, p)
	return len(p), nil
}

func TestEmit(t *testing.T) {
	m := &memRecorder{}
	Emit(m, "open", 1)
	Emit(m, "close", 2)
	if string(m.events[0]) != "open:1" || string(m.events[1]) != "close:2" {
		t.Fatalf("the recorder holds %q", m.events)
	}
}
