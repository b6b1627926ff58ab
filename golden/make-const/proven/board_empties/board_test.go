package board

import "testing"

var puzzle = Board{
	{5, 3, 0, 0, 7, 0, 0, 0, 0},
	{6, 0, 0, 1, 9, 5, 0, 0, 0},
	{0, 9, 8, 0, 0, 0, 0, 6, 0},
	{8, 0, 0, 0, 6, 0, 0, 0, 3},
	{4, 0, 0, 8, 0, 3, 0, 0, 1},
	{7, 0, 0, 0, 2, 0, 0, 0, 6},
	{0, 6, 0, 0, 0, 0, 2, 8, 0},
	{0, 0, 0, 4, 1, 9, 0, 0, 5},
	{0, 0, 0, 0, 8, 0, 0, 7, 9},
}

func TestBehaviour(t *testing.T) {
	b := puzzle
	if !b.Solved() || b[0][2] != 4 || b[8][0] != 3 {
		t.Fatal("not solved", b)
	}
	var blank Board
	if !blank.Solved() || blank[0][0] != 1 {
		t.Fatal("an empty board has a solution")
	}
	bad := puzzle
	bad[0][2] = 5
	if bad.Solved() {
		t.Fatal("a board with two 5s in a row was solved")
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(100, func() { s := puzzle; s.Solved() }))
}
