package decode

import "testing"

func TestBehaviour(t *testing.T) {
	stream := []byte{0, 2, 0, 0, 0, 3, 'a', 'b', 'c', 'd', 'e'}
	results := make(chan bool, 4)
	n, err := Check(stream, func(h Header, chunk []byte) bool { return h.Version == 2 && len(chunk) <= 3 }, results)
	if n != 2 || err != nil || !<-results || !<-results {
		t.Fatal(n, err)
	}
}

func TestAllocs(t *testing.T) {
	stream := []byte{0, 1, 0, 0, 0, 2, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
	results := make(chan bool, 4)
	verify := func(Header, []byte) bool { return true }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() {
		n, _ := Check(stream, verify, results)
		for ; n > 0; n-- {
			<-results
		}
	}))
}
