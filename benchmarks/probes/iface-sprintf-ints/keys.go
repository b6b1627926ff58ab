// Package store builds the keys, URLs, queries and log lines a storage service hands around.
package store

import (
	"fmt"
	"time"
)

// ShardCount is how many cache shards there are.
const ShardCount = 64

// UserKey is the cache key of a user.
func UserKey(id int64) string { return fmt.Sprintf("user:%d", id) }

// ShardKey is the cache key of an object within its shard.
func ShardKey(shard int, name string) string { return fmt.Sprintf("shard-%d/%s", shard, name) }

// VersionedKey is a key with its schema version, as cache entries are written.
func VersionedKey(prefix string, version uint32, id uint64) string {
	return fmt.Sprintf("%s:v%d:%d", prefix, version, id)
}

// ShardOf names the shard holding an id.
func ShardOf(id uint64) string { return fmt.Sprintf("shard-%d", id%ShardCount) }

// SessionKey keys a session by tenant and number.
func SessionKey(tenant string, n int) string { return fmt.Sprint("sess:", tenant, ":", n) }

// LockKey is the name of the lock guarding a partition.
func LockKey(partition int32) string { return fmt.Sprintf("lock/partition/%v", partition) }

// Generation prints a bare generation number.
func Generation(gen int) string { return fmt.Sprintf("%d", gen) }

// Counter prints an unsigned counter alone.
func Counter(n uint64) string { return fmt.Sprint(n) }

// Offset prints a signed offset alone.
func Offset(off int16) string { return fmt.Sprintf("%d", off) }

// Pair prints two numbers as fmt.Sprint spaces them.
func Pair(a, b int) string { return fmt.Sprint(a, b) }

// Digits glues two numbers with nothing between them.
func Digits(major, minor int) string { return fmt.Sprintf("%d%d", major, minor) }

// Suffixed appends a sequence number to a name with no separator.
func Suffixed(name string, seq int) string { return fmt.Sprintf("%s%d", name, seq) }

// Enabled prints a feature flag's state.
func Enabled(name string, on bool) string { return fmt.Sprintf("%s=%t", name, on) }

// Flag prints a boolean alone.
func Flag(on bool) string { return fmt.Sprintf("%v", on) }

// Padded is a zero-padded sequence for sortable names.
func Padded(seq int) string { return fmt.Sprintf("seg-%06d", seq) }

// Signed shows the sign of a delta.
func Signed(delta int) string { return fmt.Sprintf("delta=%+d", delta) }

// Hex is an id in hexadecimal.
func Hex(id uint32) string { return fmt.Sprintf("id-%x", id) }

// Elapsed is a duration in whole milliseconds for a log field.
func Elapsed(op string, d time.Duration) string {
	return fmt.Sprintf("%s took %dms", op, d.Milliseconds())
}

// Took prints a duration as fmt prints it.
func Took(d time.Duration) string { return fmt.Sprintf("took %v", d) }

// Bytes shows a size with a rune of a unit.
func Bytes(n int, unit rune) string { return fmt.Sprintf("%d%c", n, unit) }

// Char prints a rune's number, as %v of a rune does.
func Char(r rune) string { return fmt.Sprintf("rune %v", r) }

// Octet prints one byte of an address.
func Octet(b byte) string { return fmt.Sprintf("octet=%d", b) }

// Spaced prints a list position in a line as Sprintln does.
func Spaced(name string, pos int) string { return fmt.Sprintln(name, pos) }
