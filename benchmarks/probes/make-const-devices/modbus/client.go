package modbus

import "encoding/binary"

// Client keeps the last request of each unit for retries on a noisy line.
type Client struct {
	last    map[byte][]byte
	pending []byte
}

// FrameRTU returns the RTU frame of pdu; the caller keeps it for retransmission.
func FrameRTU(unit byte, pdu []byte) ([]byte, error) {
	if len(pdu) > MaxPDU {
		return nil, ErrLength
	}
	adu := make([]byte, len(pdu)+3)
	adu[0] = unit
	copy(adu[1:], pdu)
	binary.LittleEndian.PutUint16(adu[len(pdu)+1:], crc16(adu[:len(pdu)+1]))
	return adu, nil
}

// Remember keeps a copy of the request for the unit.
func (c *Client) Remember(unit byte, req []byte) error {
	if len(req) > limits253 {
		return ErrLength
	}
	keep := make([]byte, len(req))
	copy(keep, req)
	if c.last == nil {
		c.last = map[byte][]byte{}
	}
	c.last[unit] = keep
	return nil
}

const limits253 = MaxPDU

// ExpectedResponse sizes the response buffer for a read of qty registers; a guard on the request,
// not on qty.
func (c *Client) ExpectedResponse(req []byte, qty uint16) (uint16, error) {
	if len(req) > MaxPDU {
		return 0, ErrLength
	}
	resp := make([]byte, 5+2*int(qty))
	resp[0] = req[0]
	return crc16(resp), nil
}

// ReadInputs reads qty input registers through a scratch request, bounded by the protocol.
func (c *Client) ReadInputs(unit byte, start, qty uint16) (uint16, error) {
	if qty == 0 || qty > maxReadRegisters {
		return 0, ErrQuantity
	}
	words := make([]uint16, qty)
	for i := range words {
		words[i] = start + uint16(i)
	}
	var sum uint16
	for _, w := range words {
		sum += w
	}
	return sum ^ uint16(unit), nil
}
