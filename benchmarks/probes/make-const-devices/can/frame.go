// Package can encodes and decodes the CAN and CAN FD frames the gateway bridges to MQTT.
package can

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"

	"example.com/probes/make-const-devices/limits"
)

var (
	ErrPayload = errors.New("can: payload too long")
	ErrShort   = errors.New("can: short frame")
	ErrDLC     = errors.New("can: bad DLC")
)

// Frame is one CAN or CAN FD frame as the socketcan reader fills it.
type Frame struct {
	ID    uint32
	Len   uint8
	Flags uint8
	Data  [limits.CANFDPayload]byte
}

const (
	wireHeader = 5 // ID (4) + length (1)
	fdFlag     = 0x04
)

// fdLens maps a CAN FD DLC code to its payload length.
var fdLens = [16]uint8{0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64}

// AppendWire appends f in the gateway's UDP wire format: ID, length, payload.
func AppendWire(dst []byte, f *Frame) ([]byte, error) {
	n := int(f.Len)
	if n > limits.CANFDPayload {
		return dst, ErrPayload
	}
	buf := make([]byte, wireHeader+n)
	binary.BigEndian.PutUint32(buf, f.ID)
	buf[4] = f.Len
	copy(buf[wireHeader:], f.Data[:n])
	return append(dst, buf...), nil
}

// PayloadCRC is the CRC the bridge dedups frames by: the payload the DLC code names.
func PayloadCRC(dlc uint8, data []byte) (uint32, error) {
	n := int(fdLens[dlc&0x0f])
	if len(data) < n {
		return 0, ErrShort
	}
	p := make([]byte, n)
	copy(p, data)
	return crc32.ChecksumIEEE(p), nil
}

// ClassicPayload copies a classic frame's payload; a DLC above 8 still means 8 bytes.
func ClassicPayload(dst []byte, dlc int, data []byte) []byte {
	n := dlc
	if n > limits.CANClassicPayload {
		n = limits.CANClassicPayload
	}
	if n < 0 || len(data) < n {
		return dst
	}
	p := make([]byte, n)
	copy(p, data)
	return append(dst, p...)
}

// Padding returns the zero bytes that fill f's payload up to the FD length its DLC rounds to.
func PaddedCRC(f *Frame) uint32 {
	n := int(f.Len)
	if n > len(f.Data) {
		return 0
	}
	pad := make([]byte, len(f.Data)-n)
	crc := crc32.ChecksumIEEE(f.Data[:n])
	return crc32.Update(crc, crc32.IEEETable, pad)
}

// HexPayload renders the payload for the MQTT bridge's JSON.
func HexPayload(f *Frame) string {
	n := min(int(f.Len), limits.CANFDPayload)
	out := make([]byte, hex.EncodedLen(n))
	hex.Encode(out, f.Data[:n])
	return string(out)
}

// Decode parses one wire frame; the frame keeps its payload in its own array.
func Decode(b []byte, f *Frame) error {
	if len(b) < wireHeader {
		return ErrShort
	}
	n := int(b[4])
	if n > limits.CANFDPayload || len(b) < wireHeader+n {
		return ErrDLC
	}
	f.ID = binary.BigEndian.Uint32(b)
	f.Len = uint8(n)
	copy(f.Data[:], b[wireHeader:wireHeader+n])
	return nil
}
