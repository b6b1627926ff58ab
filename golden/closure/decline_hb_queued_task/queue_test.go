package queue

import "testing"

func TestBehaviour(t *testing.T) {
	var q Queue
	out := make(chan string, 1)
	Greet(&q, []string{"ann"}, true, out)
	q.Run()
	if got := <-out; got != "dear ann" {
		t.Fatal(got)
	}
}
