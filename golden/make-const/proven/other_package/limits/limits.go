// Package limits holds the wire protocol's size limits, shared by its encoders and decoders.
package limits

// MaxKey is the longest key a frame may carry, in bytes.
const MaxKey = 64
