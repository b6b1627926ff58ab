package store

import (
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	s := New()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := s.Serve("set k v"); got != "OK" || err != nil {
				t.Error(got, err)
			}
		}()
	}
	wg.Wait()
	if got, err := s.Serve("GET k"); got != "v" || err != nil {
		t.Fatal(got, err)
	}
	if _, err := s.Serve("PUT k"); err == nil || err.Error() != "unknown operation PUT" {
		t.Fatal(err)
	}
	if got, _ := s.Serve("del k"); got != "OK" || s.served != 6 {
		t.Fatal(got, s.served)
	}
}

func TestAllocs(t *testing.T) {
	s := New()
	s.Serve("SET k v")
	line := "GET k"
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { s.Serve(line) }))
}
