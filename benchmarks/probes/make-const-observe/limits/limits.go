// Package limits holds the sizes the telemetry pipeline enforces at its edges.
package limits

const (
	// MaxMetricName is the longest metric name the exporter accepts.
	MaxMetricName = 128
	// MaxLabelKey is the longest label key.
	MaxLabelKey = 64
	// MaxLabels is the most labels one series may carry.
	MaxLabels = 16
	// MaxBuckets is the most histogram buckets one series may have.
	MaxBuckets = 48
	// MaxComponent is the longest component name in a log prefix.
	MaxComponent = 40
	// MaxTraceState is the most list members a W3C tracestate header may hold.
	MaxTraceState = 32
)

// Seconds is a whole number of seconds.
type Seconds int

// MaxWindow is the longest rate-limiter window.
const MaxWindow Seconds = 120
