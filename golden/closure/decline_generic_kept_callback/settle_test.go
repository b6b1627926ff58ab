package settle

import "testing"

func TestBehaviour(t *testing.T) {
	release, seen := make(chan struct{}), make(chan string, 1)
	Settle([][]string{{"a"}}, "open", release, seen)
	close(release)
	if s := <-seen; s != "closed:a" {
		t.Fatal(s)
	}
}
