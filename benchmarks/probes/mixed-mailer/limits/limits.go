// Package limits holds the mailer's protocol bounds (RFC 5321 §4.5.3.1, RFC 5322 §2.1.1, RFC 2045 §6.7).
package limits

const (
	MaxCommandLine = 512 // bytes in an SMTP command line, CRLF included
	MaxReplyLine   = 512 // bytes in an SMTP reply line, CRLF included
	MaxTextLine    = 998 // bytes in a message line, CRLF excluded
	MaxRecipients  = 100 // RCPT TO commands per transaction
	MaxLocalPart   = 64  // bytes before the @
	MaxDomain      = 255 // bytes after the @
	FoldWidth      = 78  // a header line is folded before this many bytes
	EncodedWidth   = 76  // base64 and quoted-printable output lines
	MaxAttempts    = 8   // delivery attempts before a message bounces
	BoundaryBytes  = 12  // random bytes in a multipart boundary
)

// LatencyBuckets is the number of finite buckets of the delivery-latency histogram.
const LatencyBuckets int = 10

// Class is a bounce classification.
type Class uint8

const (
	Delivered Class = iota
	SoftBounce
	HardBounce
	Blocked
	NumClasses
)
