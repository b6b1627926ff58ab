// Package limits holds the sizes the toolchain is built around.
package limits

// Untyped limits.
const (
	MaxRegs    = 128
	MaxStack   = 256
	MaxFrames  = 32
	MaxDigits  = 24
	MaxPattern = 64
	Lookahead  = 4
)

// Typed limits.
const (
	MaxIdent    int   = 64
	MaxChildren uint8 = 8
	MaxArgs     int   = 16
)

// RegWords is the number of 64-bit words in a register bitset.
const RegWords = MaxRegs/64 + 1
