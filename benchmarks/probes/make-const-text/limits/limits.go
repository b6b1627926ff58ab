// Package limits holds the sizes the record formats agree on.
package limits

// Bytes is a size in bytes.
type Bytes int

const (
	// MaxCols is the most columns a table or record has.
	MaxCols = 24
	// MaxCell is the widest cell a table renders, in runes.
	MaxCell = 40
	// MaxKey is the longest row key, in bytes.
	MaxKey Bytes = 200
	// MaxHost is the longest host name (RFC 1035).
	MaxHost = 253
	// MaxLine is the longest CSV line read.
	MaxLine = 4096
)

// Kind is a column's storage kind.
type Kind uint8

const (
	KindInt Kind = iota
	KindFloat
	KindText
	KindTime
	NumKinds
)
