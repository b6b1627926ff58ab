// Package limits holds the agent's shared bounds: the ingest side rejects anything past them.
package limits

const (
	MaxLabels    = 16  // label pairs per series
	MaxLabelName = 64  // bytes in a label name
	MaxTargets   = 32  // scrape targets per job
	MaxSpanBatch = 64  // spans per export request
	MaxLineBytes = 256 // bytes of a log line kept
)

// LatencyBuckets is the number of finite buckets of every latency histogram.
const LatencyBuckets int = 12

// Level is a log severity.
type Level uint8

const (
	LevelDebug Level = iota
	LevelInfo
	LevelWarn
	LevelError
	NumLevels
)
