// Package dump prints register snapshots.
package dump

import "fmt"

// Registers prints the first n registers: fmt keeps what it is given, so the slice escapes.
func Registers(regs []uint64, n int) {
	snap := make([]uint64, n) // want "make\\(\\[\\]uint64, n\\) escapes to heap" // declined "the slice escapes whatever its size"
	copy(snap, regs)
	fmt.Println(snap)
}
