package board

import "testing"

func TestBehaviour(t *testing.T) {
	var got Board
	Show(Board{Round: 2, Kills: 9}, func(b Board) { got = b })
	if got != (Board{Round: 3}) {
		t.Fatal(got)
	}
}
