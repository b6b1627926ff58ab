package kv

import (
	"fmt"
	"hash/crc32"
	"strconv"
	"time"

	"example.com/freshkv/format"
)

// Hook runs before each write.
type Hook interface {
	BeforeWrite(key []byte) error
}

// Registry holds plugins by name.
type Registry struct {
	items map[string]any
}

// Register adds a plugin.
func (r *Registry) Register(name string, p any) {
	if r.items == nil {
		r.items = map[string]any{}
	}
	r.items[name] = p
}

type sizeLimit struct{ max int }

func (l *sizeLimit) BeforeWrite(key []byte) error {
	if len(key) > l.max {
		return fmt.Errorf("key too long: %d", len(key))
	}
	return nil
}

// CheckKey runs a locally built size limit hook on key through the Hook interface.
func CheckKey(key []byte) error {
	limit := sizeLimit{max: format.MaxKeySize}
	var p any = &limit
	if h, ok := p.(Hook); ok {
		return h.BeforeWrite(key)
	}
	return nil
}

// RunHooks runs every registered hook.
func (r *Registry) RunHooks(key []byte) error {
	for name, p := range r.items {
		if h, ok := p.(Hook); ok {
			if err := h.BeforeWrite(key); err != nil {
				return fmt.Errorf("hook %s: %w", name, err)
			}
		}
	}
	return nil
}

// Option is a functional option stored as any in a table.
type Option struct {
	Name  string
	Value any
}

// ApplyOptions reads known options into opts.
func ApplyOptions(opts *Options, list []Option) error {
	for _, o := range list {
		switch o.Name {
		case "sync":
			b, ok := o.Value.(bool)
			if !ok {
				return fmt.Errorf("option sync: want bool, got %T", o.Value)
			}
			opts.SyncWrites = b
		case "compressor":
			opts.Compressor = o.Value
		}
	}
	return nil
}

// SyncOption parses a bool option string into an Option and applies it.
func SyncOption(opts *Options, s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	list := []Option{{Name: "sync", Value: b}}
	return ApplyOptions(opts, list)
}

// SegmentName names a segment file.
func SegmentName(dir string, id uint64) string {
	return fmt.Sprintf("%s/%020d.seg", dir, id)
}

// KeyError formats a key-level error.
func KeyError(op string, key []byte, err error) error {
	return fmt.Errorf("kv: %s %x: %w", op, key, err)
}

// Stamp returns the record's age in seconds as a label.
func Stamp(seq uint32, created time.Time) string {
	return strconv.FormatUint(uint64(seq), 10) + "@" + strconv.FormatInt(created.Unix(), 10)
}

// Bloom is a tiny bloom filter over keys.
type Bloom struct{ bits []uint64 }

// NewBloom sizes a filter for n keys.
func NewBloom(n int) *Bloom { return &Bloom{bits: make([]uint64, (n*10+63)/64+1)} }

// Add inserts a key.
func (b *Bloom) Add(key []byte) {
	h := crc32.ChecksumIEEE(key)
	for i := uint32(0); i < 3; i++ {
		bit := (h + i*0x9e3779b9) % uint32(len(b.bits)*64)
		b.bits[bit/64] |= 1 << (bit % 64)
	}
}

// MayContain reports whether key may have been added, from a local copy of its hashes.
func (b *Bloom) MayContain(key []byte) bool {
	h := crc32.ChecksumIEEE(key)
	probes := make([]uint32, 3)
	for i := range probes {
		probes[i] = (h + uint32(i)*0x9e3779b9) % uint32(len(b.bits)*64)
	}
	for _, bit := range probes {
		if b.bits[bit/64]&(1<<(bit%64)) == 0 {
			return false
		}
	}
	return true
}

// PrefixEnd returns the smallest key greater than every key with the prefix.
func PrefixEnd(prefix []byte) []byte {
	end := make([]byte, len(prefix))
	copy(end, prefix)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// HasPrefixFold compares a key's prefix case-insensitively without allocating per key.
func HasPrefixFold(key, prefix []byte) bool {
	if len(prefix) > format.MaxKeySize || len(key) < len(prefix) {
		return false
	}
	low := make([]byte, len(prefix))
	for i, c := range key[:len(prefix)] {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return string(low) == string(prefix)
}
