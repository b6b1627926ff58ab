// Package mqtt encodes the MQTT 3.1.1 packets the gateway publishes and decodes the ones it receives.
package mqtt

import (
	"encoding/binary"
	"errors"
	"strings"

	"example.com/probes/make-const-devices/limits"
)

const (
	maxTopic     = limits.MQTTMaxTopic
	maxClientID  = 23 // MQTT 3.1.1, 3.1.3.1: servers must accept 1 to 23 bytes
	maxInbound   = 2048
	maxRemaining = 268435455 // four varint bytes
	maxLevels    = 16
)

// Packet types, in the fixed header's high nibble.
const (
	_ = iota
	typeConnect
	typeConnack
	typePublish
	typePuback
)

var (
	ErrTopic    = errors.New("mqtt: bad topic")
	ErrClientID = errors.New("mqtt: bad client id")
	ErrTooLarge = errors.New("mqtt: packet too large")
	ErrMalformed = errors.New("mqtt: malformed remaining length")
)

// appendVarint appends MQTT's remaining-length encoding of n.
func appendVarint(dst []byte, n int) []byte {
	for {
		b := byte(n % 128)
		n /= 128
		if n > 0 {
			b |= 0x80
		}
		dst = append(dst, b)
		if n == 0 {
			return dst
		}
	}
}

// readVarint decodes a remaining length and how many bytes it took.
func readVarint(b []byte) (int, int, error) {
	n, mult := 0, 1
	for i := 0; i < 4 && i < len(b); i++ {
		n += int(b[i]&0x7f) * mult
		if b[i]&0x80 == 0 {
			return n, i + 1, nil
		}
		mult *= 128
	}
	return 0, 0, ErrMalformed
}

// AppendPublish appends a PUBLISH packet.
func AppendPublish(dst []byte, topic string, payload []byte, qos byte, id uint16) ([]byte, error) {
	if len(topic) == 0 || len(topic) > maxTopic {
		return dst, ErrTopic
	}
	vh := make([]byte, 0, 2+len(topic)+2)
	vh = binary.BigEndian.AppendUint16(vh, uint16(len(topic)))
	vh = append(vh, topic...)
	if qos > 0 {
		vh = binary.BigEndian.AppendUint16(vh, id)
	}
	dst = append(dst, typePublish<<4|qos<<1)
	dst = appendVarint(dst, len(vh)+len(payload))
	dst = append(dst, vh...)
	return append(dst, payload...), nil
}

// AppendConnect appends a CONNECT packet with a clean session and a keep-alive.
func AppendConnect(dst []byte, clientID string, keepAlive uint16) ([]byte, error) {
	if len(clientID) == 0 || len(clientID) > maxClientID {
		return dst, ErrClientID
	}
	body := make([]byte, 10+2+len(clientID))
	copy(body, "\x00\x04MQTT\x04\x02")
	binary.BigEndian.PutUint16(body[8:], keepAlive)
	binary.BigEndian.PutUint16(body[10:], uint16(len(clientID)))
	copy(body[12:], clientID)
	dst = append(dst, typeConnect<<4)
	dst = appendVarint(dst, len(body))
	return append(dst, body...), nil
}

// Levels counts a topic's levels after checking each is non-empty, the way the router matches.
func Levels(topic string) (int, error) {
	if len(topic) > maxTopic {
		return 0, ErrTopic
	}
	levels := make([]string, 0, strings.Count(topic, "/")+1)
	for _, l := range strings.Split(topic, "/") {
		if l == "" {
			return 0, ErrTopic
		}
		levels = append(levels, l)
	}
	return len(levels), nil
}

// SplitFilter splits a subscription filter into at most maxLevels levels.
func SplitFilter(filter string) int {
	n := strings.Count(filter, "/") + 1
	if n > maxLevels {
		n = maxLevels
	}
	parts := make([]string, n)
	rest := filter
	for i := 0; i < n-1; i++ {
		j := strings.IndexByte(rest, '/')
		parts[i], rest = rest[:j], rest[j+1:]
	}
	parts[n-1] = rest
	wild := 0
	for _, p := range parts {
		if p == "+" || p == "#" {
			wild++
		}
	}
	return wild
}
