package can

import (
	"errors"
	"hash/crc32"
)

// ISO 15765-2 (ISO-TP) carries messages of up to 4095 bytes over classic CAN frames.
const (
	maxMessage = 4095
	firstData  = 6 // payload bytes in a first frame
	consecData = 7 // payload bytes in a consecutive frame
)

var ErrSequence = errors.New("isotp: out of sequence")

// MessageCRC reassembles a first frame and its consecutive frames and returns the message's CRC.
func MessageCRC(frames [][8]byte) (uint32, error) {
	if len(frames) == 0 || frames[0][0]>>4 != 1 {
		return 0, ErrSequence
	}
	total := int(frames[0][0]&0x0f)<<8 | int(frames[0][1])
	msg := make([]byte, total)
	n := copy(msg, frames[0][2:])
	for i, fr := range frames[1:] {
		if fr[0] != 0x20|byte((i+1)&0x0f) {
			return 0, ErrSequence
		}
		n += copy(msg[n:], fr[1:])
	}
	if n < total {
		return 0, ErrSequence
	}
	return crc32.ChecksumIEEE(msg), nil
}

// Session reassembles one ISO-TP message across calls.
type Session struct {
	buf  []byte
	next byte
}

// Start begins a message; the session keeps the buffer until the last frame arrives.
func (s *Session) Start(first [8]byte) error {
	total := int(first[0]&0x0f)<<8 | int(first[1])
	if total > maxMessage || total < firstData {
		return ErrSequence
	}
	buf := make([]byte, 0, total)
	s.buf = append(buf, first[2:]...)
	s.next = 1
	return nil
}

// SplitCRC splits msg into the frames that would carry it and returns their CRCs XORed.
func SplitCRC(msg []byte) (uint32, error) {
	if len(msg) > maxMessage {
		return 0, ErrPayload
	}
	frames := (len(msg) - firstData + consecData - 1) / consecData
	if frames < 0 {
		frames = 0
	}
	crcs := make([]uint32, frames+1)
	crcs[0] = crc32.ChecksumIEEE(msg[:min(len(msg), firstData)])
	for i := 1; i < len(crcs); i++ {
		lo := firstData + (i-1)*consecData
		crcs[i] = crc32.ChecksumIEEE(msg[lo:min(len(msg), lo+consecData)])
	}
	var x uint32
	for _, c := range crcs {
		x ^= c
	}
	return x, nil
}
