// Package limits holds the ingestion service's sizing knobs, shared by the
// parser, the batcher and the HTTP front end.
package limits

const (
	MaxLineBytes = 4096
	MaxTags      = 16
	BatchPoints  = 64
	Workers      = 4
	MaxKeyBytes  = 200
	QueueDepth   = 128
)
