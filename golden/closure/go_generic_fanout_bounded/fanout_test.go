package fanout

import "testing"

func TestBehaviour(t *testing.T) {
	a, b := make(chan string, 1), make(chan string, 1)
	Names([]chan<- string{a, b}, nil)
	if x, y := <-a, <-b; x != "all" || y != "all" {
		t.Fatal(x, y)
	}
	o := "ops"
	Names([]chan<- string{a, b}, &o)
	if x, y := <-a, <-b; x != "ops" || y != "ops" {
		t.Fatal(x, y)
	}
}

func TestAllocs(t *testing.T) {
	chans := []chan string{make(chan string, 1), make(chan string, 1), make(chan string, 1)}
	subs := []chan<- string{chans[0], chans[1], chans[2]}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() {
		Names(subs, nil)
		for _, c := range chans {
			<-c
		}
	}))
}
