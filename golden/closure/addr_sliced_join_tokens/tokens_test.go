package tokens

import (
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var mu sync.Mutex
	got := map[string]Token{}
	n := Issue([]string{"ann", "bob"}, []byte("0123456789ab"), func(p string, tok Token) {
		mu.Lock()
		got[p] = tok
		mu.Unlock()
	})
	ann, bob := got["ann"], got["bob"]
	if n != 2 || string(ann[:12]) != "0123456789ab" || ann[15] != 0 || bob[15] != 1 || bob[0] != '0' {
		t.Fatal(n, got)
	}
}

func TestAllocs(t *testing.T) {
	players := []string{"ann", "bob", "cyd"}
	secret := []byte("0123456789ab")
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Issue(players, secret, func(string, Token) {}) }))
}
