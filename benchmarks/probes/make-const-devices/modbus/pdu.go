// Package modbus builds and parses the Modbus RTU and TCP traffic of the gateway's field bus.
package modbus

import (
	"encoding/binary"
	"errors"

	"example.com/probes/make-const-devices/limits"
)

const (
	MaxPDU = limits.ModbusMaxPDU

	maxReadRegisters  = 125  // function 3 and 4
	maxWriteRegisters = 123  // function 16
	maxCoils          = 2000 // function 1 and 2
	mbapLen           = 7
)

var (
	ErrQuantity = errors.New("modbus: quantity out of range")
	ErrLength   = errors.New("modbus: bad length")
	ErrShort    = errors.New("modbus: short frame")
	ErrCRC      = errors.New("modbus: CRC mismatch")
)

// crc16 is Modbus RTU's CRC-16 (polynomial 0xA001, initial 0xFFFF).
func crc16(b []byte) uint16 {
	crc := uint16(0xffff)
	for _, c := range b {
		crc ^= uint16(c)
		for i := 0; i < 8; i++ {
			if crc&1 != 0 {
				crc = crc>>1 ^ 0xa001
			} else {
				crc >>= 1
			}
		}
	}
	return crc
}

// appendRTU frames pdu for the serial line: unit address, PDU, CRC.
func appendRTU(dst []byte, unit byte, pdu []byte) []byte {
	adu := make([]byte, 0, len(pdu)+3)
	adu = append(adu, unit)
	adu = append(adu, pdu...)
	adu = binary.LittleEndian.AppendUint16(adu, crc16(adu))
	return append(dst, adu...)
}

// AppendReadResponse answers function 3 with regs.
func AppendReadResponse(dst []byte, unit byte, regs []uint16) ([]byte, error) {
	if len(regs) > maxReadRegisters {
		return dst, ErrQuantity
	}
	pdu := make([]byte, 2+2*len(regs))
	pdu[0] = 0x03
	pdu[1] = byte(2 * len(regs))
	for i, r := range regs {
		binary.BigEndian.PutUint16(pdu[2+2*i:], r)
	}
	return appendRTU(dst, unit, pdu), nil
}

// AppendCoilsResponse answers function 1 with the coils packed eight to a byte.
func AppendCoilsResponse(dst []byte, coils []bool) ([]byte, error) {
	if len(coils) == 0 || len(coils) > maxCoils {
		return dst, ErrQuantity
	}
	n := (len(coils) + 7) / 8
	packed := make([]byte, n)
	for i, on := range coils {
		if on {
			packed[i/8] |= 1 << (i % 8)
		}
	}
	dst = append(dst, 0x01, byte(n))
	return append(dst, packed...), nil
}

// AppendWriteMultiple builds function 16's request PDU.
func AppendWriteMultiple(dst []byte, start uint16, values []uint16) ([]byte, error) {
	qty := len(values)
	switch {
	case qty == 0:
		return dst, ErrQuantity
	case qty > maxWriteRegisters:
		return dst, ErrQuantity
	}
	pdu := make([]byte, 6+2*qty)
	pdu[0] = 0x10
	binary.BigEndian.PutUint16(pdu[1:], start)
	binary.BigEndian.PutUint16(pdu[3:], uint16(qty))
	pdu[5] = byte(2 * qty)
	for i, v := range values {
		binary.BigEndian.PutUint16(pdu[6+2*i:], v)
	}
	return append(dst, pdu...), nil
}

// DecodeTCP parses a TCP ADU's read response into regs and returns how many it filled.
func DecodeTCP(frame []byte, regs []uint16) (int, error) {
	if len(frame) < mbapLen+2 {
		return 0, ErrShort
	}
	length := int(binary.BigEndian.Uint16(frame[4:6]))
	if length < 2 || length-1 > MaxPDU || len(frame) < mbapLen-1+length {
		return 0, ErrLength
	}
	pdu := make([]byte, length-1)
	copy(pdu, frame[mbapLen:])
	count := int(pdu[1]) / 2
	n := 0
	for i := 0; i < count && n < len(regs) && 2+2*i+1 < len(pdu); i++ {
		regs[n] = binary.BigEndian.Uint16(pdu[2+2*i:])
		n++
	}
	return n, nil
}

// CheckRTU verifies a serial frame's CRC without touching the receive buffer.
func CheckRTU(adu []byte) error {
	if len(adu) < 4 || len(adu) > limits.ModbusMaxADU {
		return ErrLength
	}
	body := make([]byte, len(adu)-2)
	copy(body, adu)
	if crc16(body) != binary.LittleEndian.Uint16(adu[len(adu)-2:]) {
		return ErrCRC
	}
	return nil
}
