// Package limits holds the gateway's wire limits, shared by every handler.
package limits

const (
	MaxHeaderName  = 64
	MaxHeaderValue = 256
	MaxPathDepth   = 16
	RequestIDBytes = 12
	MaxBackends    = 8
	LogLineBytes   = 512
	BucketShards   = 32
)
