package cache

import "fmt"

// RequestID prints a request id in hex, as the tracing headers carry it.
func RequestID(id uint64) string { return fmt.Sprintf("req-%x", id) }

// TraceID prints a 128-bit trace id from its halves.
func TraceID(hi, lo uint64) string { return fmt.Sprintf("%016x%016x", hi, lo) }

// SpanID is a span's id alone.
func SpanID(id uint64) string { return fmt.Sprintf("%x", id) }

// Offset prints a signed file offset in hex, for a hexdump header.
func Offset(off int64) string { return fmt.Sprintf("offset %x", off) }

// Shard names a shard by its hashed index.
func Shard(prefix string, h uint32) string { return fmt.Sprintf("%s-%x", prefix, h) }

// Pointer prints an address as Go does.
func Pointer(addr uintptr) string { return fmt.Sprintf("%#x", addr) }

// Handle prints a handle in upper-case hex.
func Handle(h uint32) string { return fmt.Sprintf("0x%X", h) }

// Version prints a packed version number in hex.
func Version(v int) string { return fmt.Sprintf("v%x", v) }

// Sequence prints a sequence number padded to 8 hex digits.
func Sequence(seq uint32) string { return fmt.Sprintf("%08x", seq) }

// Generation prints a generation counter in hex, alone.
func Generation(g int32) string { return fmt.Sprintf("%x", g) }
