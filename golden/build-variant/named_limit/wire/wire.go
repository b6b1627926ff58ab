// Package wire holds the protocol's size limits.
package wire

// MaxTag is the longest tag a record may carry, in bytes.
const MaxTag = 24
