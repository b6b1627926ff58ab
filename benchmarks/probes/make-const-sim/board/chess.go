// Package board generates moves for the board games the arcade ships.
package board

import "math/bits"

// Move is a from-to pair with a flag byte.
type Move struct {
	From, To, Promo, Flags uint8
}

// Position is a mailbox chess position.
type Position struct {
	sq   [64]int8
	side int8
}

// Moves returns the pseudo-legal moves: the caller keeps them.
func (p *Position) Moves() []Move {
	out := make([]Move, 0, 48)
	for i, pc := range p.sq {
		if pc*p.side > 0 {
			out = append(out, Move{From: uint8(i)})
		}
	}
	return out
}

// Mobility counts the moves of the side to move without keeping them.
func (p Position) Mobility() int {
	pieces := 0
	for _, pc := range p.sq {
		if pc*p.side > 0 {
			pieces++
		}
	}
	buf := make([]Move, 0, pieces*27)
	for i, pc := range p.sq {
		if pc*p.side <= 0 {
			continue
		}
		for _, d := range [8]int{-9, -8, -7, -1, 1, 7, 8, 9} {
			for to := i + d; to >= 0 && to < 64 && p.sq[to]*p.side <= 0; to += d {
				buf = append(buf, Move{From: uint8(i), To: uint8(to)})
				if p.sq[to] != 0 || pc == 1 || pc == -1 {
					break
				}
			}
		}
	}
	return len(buf)
}

// Attackers lists the squares holding a piece next to sq.
func (p *Position) Attackers(sq int) int {
	list := make([]int8, 0, len(p.sq))
	for _, d := range [8]int{-9, -8, -7, -1, 1, 7, 8, 9} {
		if to := sq + d; to >= 0 && to < 64 && p.sq[to] != 0 {
			list = append(list, int8(to))
		}
	}
	return len(list)
}

// SEE plays out a capture sequence on one square from an attacker bitboard.
func SEE(attackers uint64, values *[64]int) int {
	n := bits.OnesCount64(attackers)
	gain := make([]int, 0, n)
	for a := attackers; a != 0; a &= a - 1 {
		gain = append(gain, values[bits.TrailingZeros64(a)])
	}
	best := 0
	for i := len(gain) - 1; i > 0; i-- {
		best = max(0, gain[i]-best)
	}
	return best
}

// Mirror flips the board vertically through a scratch copy of its squares.
func (p *Position) Mirror() {
	flat := p.sq[:]
	tmp := make([]int8, len(flat))
	copy(tmp, flat)
	for i := range flat {
		flat[i] = -tmp[(7-i/8)*8+i%8]
	}
}
