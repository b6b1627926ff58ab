package tiles

// MaxRow is the widest elementary automaton row the renderer draws.
const MaxRow = 256

// Step1D advances an elementary cellular automaton gens times, in place.
func Step1D(row []byte, rule byte, gens int) {
	if len(row) > MaxRow {
		panic("tiles: row too wide")
	}
	next := make([]byte, len(row))
	for g := 0; g < gens; g++ {
		for i := range row {
			l, r := byte(0), byte(0)
			if i > 0 {
				l = row[i-1]
			}
			if i < len(row)-1 {
				r = row[i+1]
			}
			pat := l<<2 | row[i]<<1 | r
			next[i] = rule >> pat & 1
		}
		copy(row, next)
	}
}

// History returns every generation: the rows are kept.
func History(seed []byte, rule byte, gens int) [][]byte {
	out := make([][]byte, 0, gens)
	cur := seed
	for g := 0; g < gens; g++ {
		next := make([]byte, len(cur))
		copy(next, cur)
		Step1D(next, rule, 1)
		out = append(out, next)
		cur = next
	}
	return out
}

// Density counts live cells in the first visible columns of a row.
func Density(row []byte, cols int) int {
	w := min(len(row), cols, MaxRow)
	view := make([]byte, w)
	copy(view, row)
	n := 0
	for _, c := range view {
		n += int(c)
	}
	return n
}

// Board16 is a fixed Life board.
type Board16 struct {
	cells [16 * 16]bool
}

// LifeStep advances the fixed board one generation.
func (b *Board16) LifeStep() {
	counts := make([]uint8, len(b.cells))
	for i, live := range b.cells {
		if !live {
			continue
		}
		x, y := i%16, i/16
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				nx, ny := x+dx, y+dy
				if (dx != 0 || dy != 0) && nx >= 0 && nx < 16 && ny >= 0 && ny < 16 {
					counts[ny*16+nx]++
				}
			}
		}
	}
	for i, c := range counts {
		b.cells[i] = c == 3 || (c == 2 && b.cells[i])
	}
}

// Neighbourhood sums a window of radius r around i, r clamped to 1..8.
func Neighbourhood(row []byte, i, r int) int {
	r = max(1, min(r, 8))
	win := make([]int, 2*r+1)
	for k := range win {
		j := i - r + k
		if j >= 0 && j < len(row) {
			win[k] = int(row[j])
		}
	}
	s := 0
	for _, v := range win {
		s += v
	}
	return s
}

// Wrap pads a row toroidally for the rule kernel, the pad sized from a mask.
func Wrap(row []byte, rule byte) int {
	if len(row) == 0 || len(row) > MaxRow {
		return 0
	}
	pad := make([]byte, len(row)+2)
	copy(pad[1:], row)
	pad[0], pad[len(pad)-1] = row[len(row)-1], row[0]
	n := 0
	for i := 1; i < len(pad)-1; i++ {
		n += int(rule >> (pad[i-1]<<2 | pad[i]<<1 | pad[i+1]) & 1)
	}
	return n
}
