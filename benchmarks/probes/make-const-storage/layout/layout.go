// Package layout holds the on-disk and on-wire sizes shared by the storage and telemetry packages.
package layout

// Bytes is a size in bytes.
type Bytes int

const (
	PageSize   Bytes = 4096
	PageHeader Bytes = 24
	SlotSize   Bytes = 4
	MaxSlots         = (PageSize - PageHeader) / SlotSize
)

const (
	// WAL record: crc32 | length | type | payload
	RecordHeader = 4 + 4 + 1
	MaxPayload   = 1 << 10
	MaxKey       = 64
	MaxValue     = 448
)

// Kind is a sensor kind.
type Kind uint8

const (
	KindTemp Kind = iota
	KindHumidity
	KindAccel
	KindGPS
	NumKinds
)

const (
	Channels     = 2
	FrameSamples = 256
	MaxEntities  = 64
)
