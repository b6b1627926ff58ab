package metrics

import (
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	s := &Service{}
	s.requests.Add(3)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if n, ok := s.Read("requests"); n != 3 || !ok {
				t.Error(n, ok)
			}
		}()
	}
	wg.Wait()
	if s.reads.Load() != 4 {
		t.Fatal(s.reads.Load())
	}
}
