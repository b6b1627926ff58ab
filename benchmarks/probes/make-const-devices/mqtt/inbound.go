package mqtt

import (
	"encoding/binary"
	"hash/crc32"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Message is a received PUBLISH, topic and payload copied out of the read buffer.
type Message struct {
	Topic   string
	Payload []byte
}

// PayloadHash hashes an inbound PUBLISH's payload for the dedup window, copying the body first
// so the read buffer can be reused.
func PayloadHash(pkt []byte) (uint64, error) {
	if len(pkt) < 2 {
		return 0, ErrMalformed
	}
	rl, used, err := readVarint(pkt[1:])
	if err != nil {
		return 0, err
	}
	if rl > maxInbound {
		return 0, ErrTooLarge
	}
	body := make([]byte, rl)
	if copy(body, pkt[1+used:]) < rl {
		return 0, ErrMalformed
	}
	return uint64(crc32.Checksum(body, castagnoli)), nil
}

// BodyHash is PayloadHash for the broker-facing listener, bounded only by MQTT's own limit.
func BodyHash(pkt []byte) (uint64, error) {
	rl, used, err := readVarint(pkt[1:])
	if err != nil {
		return 0, err
	}
	if rl > maxRemaining {
		return 0, ErrTooLarge
	}
	body := make([]byte, rl)
	copy(body, pkt[1+used:])
	var h uint64 = 14695981039346656037
	for _, c := range body {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h, nil
}

// Decode copies an inbound PUBLISH into m; m keeps its payload.
func Decode(pkt []byte, m *Message) error {
	rl, used, err := readVarint(pkt[1:])
	if err != nil {
		return err
	}
	if rl > maxInbound || 1+used+rl > len(pkt) {
		return ErrTooLarge
	}
	body := pkt[1+used : 1+used+rl]
	tl := int(binary.BigEndian.Uint16(body))
	if 2+tl > len(body) {
		return ErrMalformed
	}
	m.Topic = string(body[2 : 2+tl])
	payload := make([]byte, len(body)-2-tl)
	copy(payload, body[2+tl:])
	m.Payload = payload
	return nil
}

// TopicKey lowercases a topic for the subscription index (ASCII only, as the gateway's topics are).
func TopicKey(topic []byte) string {
	if len(topic) > maxTopic {
		topic = topic[:maxTopic]
	}
	key := make([]byte, len(topic))
	for i, c := range topic {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		key[i] = c
	}
	return string(key)
}
