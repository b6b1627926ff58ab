package vm

import (
	"errors"

	"example.com/langtool/limits"
)

// RegSet is a bitset of registers.
type RegSet [limits.RegWords]uint64

var errTooManyVars = errors.New("vm: more variables than registers")

// Add adds register r.
func (s *RegSet) Add(r int) { s[r/64] |= 1 << (r % 64) }

// LiveCount counts the registers live across uses, each use a register list, of numRegs registers.
func LiveCount(numRegs int, uses [][]int) int {
	if numRegs <= 0 || numRegs > limits.MaxRegs {
		panic("vm: register count out of range")
	}
	live := make([]uint64, (numRegs+63)/64)
	for _, u := range uses {
		for _, r := range u {
			live[r/64] |= 1 << (r % 64)
		}
	}
	n := 0
	for _, w := range live {
		for ; w != 0; w &= w - 1 {
			n++
		}
	}
	return n
}

// Assign gives each variable the lowest register its interferences leave free.
func Assign(interf [][]int) (int, error) {
	if len(interf) > limits.MaxRegs {
		return 0, errTooManyVars
	}
	reg := make([]int8, len(interf))
	var used [limits.MaxRegs]bool
	maxReg := 0
	for v, others := range interf {
		for i := range used {
			used[i] = false
		}
		for _, o := range others {
			if o < v {
				used[reg[o]] = true
			}
		}
		r := 0
		for used[r] {
			r++
		}
		reg[v] = int8(r)
		maxReg = max(maxReg, r)
	}
	return maxReg + 1, nil
}

// Union ORs n register sets word by word over the first words words.
func Union(sets []RegSet, words int) int {
	if words > len(RegSet{}) {
		words = len(RegSet{})
	}
	acc := make([]uint64, words)
	for _, s := range sets {
		for i := range acc {
			acc[i] |= s[i]
		}
	}
	n := 0
	for _, w := range acc {
		if w != 0 {
			n++
		}
	}
	return n
}
