// Package frame encodes and decodes the broker's wire frames: a fixed header, a topic, up to
// a few headers and a payload.
package frame

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	MaxTopic   = 96
	MaxHeaders = 8
	MaxKey     = 48
	maxFields  = 12
	maxRunes   = 24
	maxBatch   = 32
)

var (
	ErrTopic   = errors.New("frame: bad topic")
	ErrShort   = errors.New("frame: short frame")
	ErrHeaders = errors.New("frame: too many headers")
)

// MessageID is a broker-assigned id: 8 bytes of time, 4 of sequence.
type MessageID [12]byte

// Header is one key/value pair of a frame.
type Header struct {
	Key, Value string
}

// Record is a decoded frame. Headers live inline: most frames carry none or one.
type Record struct {
	Topic   string
	hdrs    [MaxHeaders]Header
	nhdr    int
	Payload []byte
}

// Token is the URL-safe form of an id, for consumer cursors.
func (id MessageID) Token() string {
	buf := make([]byte, base64.RawURLEncoding.EncodedLen(len(id)))
	base64.RawURLEncoding.Encode(buf, id[:])
	return string(buf)
}

// Hex is the id's hex form, for logs.
func (id *MessageID) Hex() string {
	out := make([]byte, hex.EncodedLen(len(id)))
	hex.Encode(out, id[:])
	return string(out)
}

// validTopic reports whether a topic name is acceptable.
func validTopic(t string) bool {
	return t != "" && len(t) <= MaxTopic && !strings.ContainsAny(t, " \t\n")
}

// checkKey rejects keys the index cannot hold.
func checkKey(k string) error {
	if len(k) == 0 {
		return errors.New("frame: empty key")
	}
	if len(k) > MaxKey {
		return fmt.Errorf("frame: key %q longer than %d", k, MaxKey)
	}
	return nil
}

// TopicKey is the partition routing key of a topic: "topic#partition".
func TopicKey(topic string, partition uint16) (string, error) {
	if !validTopic(topic) {
		return "", ErrTopic
	}
	buf := make([]byte, 0, len(topic)+1+5)
	buf = append(buf, topic...)
	buf = append(buf, '#')
	buf = strconv.AppendUint(buf, uint64(partition), 10)
	return string(buf), nil
}

// IndexKey is the on-disk index key of a message key: the key, a NUL, and the id in hex.
func IndexKey(key string, id MessageID) (string, error) {
	if err := checkKey(key); err != nil {
		return "", err
	}
	buf := make([]byte, len(key)+1+hex.EncodedLen(len(id)))
	n := copy(buf, key)
	buf[n] = 0
	hex.Encode(buf[n+1:], id[:])
	return string(buf), nil
}

// ReadTopic reads a one-byte length and that many bytes of topic.
func ReadTopic(b []byte) (string, []byte, error) {
	if len(b) < 1 {
		return "", nil, ErrShort
	}
	n := int(b[0])
	if len(b) < 1+n {
		return "", nil, ErrShort
	}
	name := make([]byte, n)
	copy(name, b[1:])
	return strings.ToLower(string(name)), b[1+n:], nil
}

// ReadFlags reads the header-count nibble of the flags byte and the lengths of that many headers.
func ReadFlags(b []byte) ([]uint16, error) {
	if len(b) < 1 {
		return nil, ErrShort
	}
	count := int(b[0] & 0x0f)
	lens := make([]uint16, count)
	b = b[1:]
	for i := range lens {
		if len(b) < 2 {
			return nil, ErrShort
		}
		lens[i] = binary.BigEndian.Uint16(b)
		b = b[2:]
	}
	return sumLens(lens), nil
}

func sumLens(l []uint16) []uint16 {
	total := uint16(0)
	for _, v := range l {
		total += v
	}
	if total == 0 {
		return nil
	}
	return []uint16{total}
}

// AckBitmap is the bitmap of acknowledged slots of a window of count messages.
func AckBitmap(count uint8, acked func(int) bool) int {
	words := make([]uint64, (int(count)+63)/64)
	for i := 0; i < int(count); i++ {
		if acked(i) {
			words[i/64] |= 1 << (i % 64)
		}
	}
	set := 0
	for _, w := range words {
		set += bits.OnesCount64(w)
	}
	return set
}

// PutFields writes each field as a uvarint.
func PutFields(vals []uint64) ([]byte, error) {
	if len(vals) > maxFields {
		return nil, fmt.Errorf("frame: %d fields", len(vals))
	}
	buf := make([]byte, 0, len(vals)*binary.MaxVarintLen64)
	for _, v := range vals {
		buf = binary.AppendUvarint(buf, v)
	}
	return cloneSmall(buf), nil
}

func cloneSmall(b []byte) []byte {
	return append([]byte(nil), b...)
}

// FieldsSize is how many bytes PutFields would write.
func FieldsSize(vals []uint64) int {
	if len(vals) > maxFields {
		return -1
	}
	buf := make([]byte, 0, len(vals)*binary.MaxVarintLen64)
	for _, v := range vals {
		buf = binary.AppendUvarint(buf, v)
	}
	return len(buf)
}

// EncodeRunes encodes a display name given as runes.
func EncodeRunes(rs []rune) string {
	if len(rs) > maxRunes {
		rs = rs[:maxRunes]
	}
	buf := make([]byte, 0, utf8.UTFMax*len(rs))
	for _, r := range rs {
		buf = utf8.AppendRune(buf, r)
	}
	return string(buf)
}

// HeaderKeys lists a record's header keys in order.
func (r *Record) HeaderKeys() string {
	hs := r.hdrs[:r.nhdr]
	keys := make([]string, len(hs))
	for i, h := range hs {
		keys[i] = h.Key
	}
	return strings.Join(keys, ",")
}

// AddHeader appends a header to the record.
func (r *Record) AddHeader(k, v string) error {
	if r.nhdr == len(r.hdrs) {
		return ErrHeaders
	}
	r.hdrs[r.nhdr] = Header{k, v}
	r.nhdr++
	return nil
}

// HeaderSizes lists the size of each header's value.
func (r *Record) HeaderSizes() int {
	sizes := make([]int, r.nhdr)
	total := 0
	for i := range sizes {
		sizes[i] = len(r.hdrs[i].Value)
		total += sizes[i]
	}
	return total
}

// Preview is the first bytes of a payload, copied so the frame can be released.
func Preview(payload []byte) string {
	var head [40]byte
	n := copy(head[:], payload)
	out := make([]byte, n)
	copy(out, head[:n])
	return string(out)
}

// Chunk copies at most one chunk of a payload.
func Chunk(payload []byte, chunk int) int {
	if chunk <= 0 || chunk > 128 {
		return 0
	}
	part := make([]byte, min(len(payload), chunk))
	return copy(part, payload)
}

// Offsets formats a batch of offsets as a comma list.
func Offsets(offs []int64) (string, error) {
	if len(offs) > maxBatch {
		return "", fmt.Errorf("frame: batch of %d", len(offs))
	}
	var out strings.Builder
	for round := 0; round < 2; round++ {
		buf := make([]byte, 0, len(offs)*(20+1))
		for _, o := range offs {
			buf = strconv.AppendInt(buf, o+int64(round), 10)
			buf = append(buf, ',')
		}
		out.Write(buf)
	}
	return out.String(), nil
}

// Sequence encodes a sequence number with its decimal width in front.
func Sequence(seq uint32) string {
	digits := strconv.FormatUint(uint64(seq), 10)
	buf := make([]byte, 0, 1+len(digits))
	buf = append(buf, byte('0'+len(digits)))
	buf = append(buf, digits...)
	return string(buf)
}

// VarintWidth is the bytes a uvarint of v takes, computed with a scratch buffer.
func VarintWidth(v uint64) int {
	n := (bits.Len64(v|1) + 6) / 7
	scratch := make([]byte, n)
	return binary.PutUvarint(scratch, v)
}

// Partitions lists partition numbers of a topic's small partition count.
func Partitions(count uint16) int {
	if count > 64 {
		log.Printf("frame: %d partitions", count)
	}
	ps := make([]uint16, count)
	for i := range ps {
		ps[i] = uint16(i)
	}
	return len(ps)
}

// Retry backs off by doubling a scratch window each attempt.
func Retry(attempts int, try func([]byte) bool) bool {
	size := 16
	for i := 0; i < attempts && i < 8; i++ {
		buf := make([]byte, size)
		if try(buf) {
			return true
		}
		size *= 2
	}
	return false
}

// Pad pads a name to a fixed column width for the admin table.
func Pad(name string, width int) string {
	if width > 64 {
		width = 64
	}
	if len(name) >= width {
		return name
	}
	buf := make([]byte, width)
	copy(buf, name)
	for i := len(name); i < width; i++ {
		buf[i] = ' '
	}
	return string(buf)
}

// Shard names a shard as "name-NN", two hex digits of a byte.
func Shard(name string, shard byte) (string, error) {
	if len(name) > MaxTopic {
		return "", ErrTopic
	}
	n := len(name) + 1 + hex.EncodedLen(1)
	buf := make([]byte, 0, n)
	buf = append(buf, name...)
	buf = append(buf, '-')
	buf = hex.AppendEncode(buf, []byte{shard})
	return string(buf), nil
}

// Body copies the payload: it may be any size.
func Body(r *Record) []byte {
	out := make([]byte, len(r.Payload))
	copy(out, r.Payload)
	return out
}

// Join joins topics for a subscription request: any number of them.
func Join(topics []string) string {
	n := 0
	for _, t := range topics {
		n += len(t) + 1
	}
	buf := make([]byte, 0, n)
	for _, t := range topics {
		buf = append(buf, t...)
		buf = append(buf, ',')
	}
	return string(buf)
}
