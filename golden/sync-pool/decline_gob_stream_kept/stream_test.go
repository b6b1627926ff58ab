package stream

import "testing"

func TestStream(t *testing.T) {
	s := Open("ann")
	for i := range 3 {
		if err := s.Send(Event{"login", i}); err != nil {
			t.Fatal(err)
		}
	}
}
