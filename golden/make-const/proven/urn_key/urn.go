// Package urn names the objects an identity service issues: a UUID printed in its 36-character form, and
// URN keys "urn:uuid:<uuid>" built from it for the audit log.
package urn

import "encoding/hex"

// UUID is an RFC 9562 UUID.
type UUID [16]byte

// String is the 8-4-4-4-12 form.
func (u UUID) String() string {
	var buf [36]byte
	hex.Encode(buf[0:8], u[0:4])
	buf[8] = '-'
	hex.Encode(buf[9:13], u[4:6])
	buf[13] = '-'
	hex.Encode(buf[14:18], u[6:8])
	buf[18] = '-'
	hex.Encode(buf[19:23], u[8:10])
	buf[23] = '-'
	hex.Encode(buf[24:], u[10:])
	return string(buf[:])
}

// Key is the audit log's key for u, hashed into a shard: urn:uuid: and the UUID.
func Key(u UUID, shards uint32) uint32 {
	s := u.String()
	key := make([]byte, 0, len("urn:uuid:")+len(s)) // want(<go1.25) "make\\(\\[\\]byte, 0, 9 \\+ len\\(s\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, 9 \\+ len\\(s\\)\\) does not escape"
	key = append(key, "urn:uuid:"...)
	key = append(key, s...)
	var h uint32 = 2166136261
	for _, c := range key {
		h = (h ^ uint32(c)) * 16777619
	}
	return h % shards
}
