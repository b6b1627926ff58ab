// Package format fixes the on-disk layout of records and segments.
package format

const (
	HeaderSize    = 16 // crc32 | kind | flags | keyLen u16 | valLen u32 | seq u32 (truncated)
	MaxKeySize    = 255
	MaxValueSize  = 1 << 12
	FooterSize    = 8
	IndexEntrySz  = 12
	Magic         = 0x4b56
	MaxBatchItems = 32
)
