// Package limits holds the wire widths and venue limits the feed handler is built around.
package limits

const (
	// MaxLevels is how many price levels a snapshot carries per side.
	MaxLevels = 10
	// MaxSymbols is how many symbols one aggregation run handles.
	MaxSymbols = 64
	// SymbolWidth is the fixed width of a symbol on the wire.
	SymbolWidth = 8
	// PriceWidth is the fixed width of a price field in a FIX message.
	PriceWidth = 12
	// QtyWidth is the fixed width of a quantity field.
	QtyWidth = 9
	// ChecksumWidth is the width of tag 10's value.
	ChecksumWidth = 3
	// ITCHAddOrderLen is the length of an add-order message.
	ITCHAddOrderLen = 36
	// MaxSubscribers caps one topic's subscribers.
	MaxSubscribers = 32
	// MaxBatch caps one decode batch.
	MaxBatch = 256
)
