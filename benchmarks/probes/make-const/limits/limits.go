// Package limits holds the wire format's size limits, shared by its encoders and decoders.
package limits

// Width is the size in bytes of a fixed-width field.
type Width uint8

const (
	// MaxKey is the longest key a record may carry.
	MaxKey = 250
	// MaxLabel is the longest label of a dotted name (as in DNS).
	MaxLabel = 63
	// HeaderLen is the fixed header every frame starts with.
	HeaderLen = 12
	// MaxFields is the most fields one record holds.
	MaxFields = 15
	// DigestWidth is the width of a digest field.
	DigestWidth Width = 32
	// TagWidth is the width of an authentication tag.
	TagWidth Width = 16
	// MaxDepth is how deep a key path may nest.
	MaxDepth = 8
)
