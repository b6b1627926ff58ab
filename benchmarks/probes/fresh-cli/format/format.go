// Package format holds the tool's column and encoding limits.
package format

const (
	MaxColumns  = 32
	ColumnWidth = 24
	DigestSize  = 32
	FieldBytes  = 64
)
