// Package itch decodes binary ITCH-like messages into fixed buffers.
package itch

import (
	"encoding/binary"
	"errors"
	"io"

	"example.com/probes/mixed-marketdata/limits"
)

// AddOrder is message type 'A'.
type AddOrder struct {
	Ref    uint64
	Side   byte
	Shares uint32
	Symbol [limits.SymbolWidth]byte
	Price  uint32
}

var errShort = errors.New("itch: short message")

// DecodeAdd decodes one add-order message.
func DecodeAdd(b []byte, m *AddOrder) error {
	if len(b) < limits.ITCHAddOrderLen || b[0] != 'A' {
		return errShort
	}
	m.Ref = binary.BigEndian.Uint64(b[11:19])
	m.Side = b[19]
	m.Shares = binary.BigEndian.Uint32(b[20:24])
	copy(m.Symbol[:], b[24:32])
	m.Price = binary.BigEndian.Uint32(b[32:36])
	return nil
}

// ReadAdd reads one add-order from r into a fixed buffer.
func ReadAdd(r io.Reader) (AddOrder, error) {
	buf := make([]byte, limits.ITCHAddOrderLen)
	var m AddOrder
	if _, err := io.ReadFull(r, buf); err != nil {
		return m, err
	}
	err := DecodeAdd(buf, &m)
	return m, err
}

// ReadFrame reads a length-prefixed frame of at most MaxBatch*ITCHAddOrderLen bytes; the caller keeps it.
func ReadFrame(r io.Reader) ([]byte, error) {
	var hdr [2]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := int(binary.BigEndian.Uint16(hdr[:]))
	buf := make([]byte, n)
	_, err := io.ReadFull(r, buf)
	return buf, err
}

// SumShares decodes a batch and sums the shares, using a scratch buffer per message.
func SumShares(r io.Reader, count int) (uint64, error) {
	count = min(count, limits.MaxBatch)
	var total uint64
	for i := 0; i < count; i++ {
		scratch := make([]byte, limits.ITCHAddOrderLen)
		if _, err := io.ReadFull(r, scratch); err != nil {
			return total, err
		}
		var m AddOrder
		if err := DecodeAdd(scratch, &m); err != nil {
			return total, err
		}
		total += uint64(m.Shares)
	}
	return total, nil
}

// Refs collects up to count order refs from a byte slab.
func Refs(slab []byte, count int) []uint64 {
	refs := make([]uint64, 0, min(count, limits.MaxBatch))
	for off := 0; off+limits.ITCHAddOrderLen <= len(slab) && len(refs) < cap(refs); off += limits.ITCHAddOrderLen {
		refs = append(refs, binary.BigEndian.Uint64(slab[off+11:off+19]))
	}
	return refs
}

// MaxPrice scans a slab with a bounded scratch of prices.
func MaxPrice(slab []byte, count int) uint32 {
	if count > limits.MaxBatch {
		count = limits.MaxBatch
	}
	prices := make([]uint32, 0, count)
	for off := 0; off+limits.ITCHAddOrderLen <= len(slab) && len(prices) < count; off += limits.ITCHAddOrderLen {
		prices = append(prices, binary.BigEndian.Uint32(slab[off+32:off+36]))
	}
	var best uint32
	for _, p := range prices {
		best = max(best, p)
	}
	return best
}

// Encode writes m in wire form into a buffer sized by the caller's count of padding bytes.
func Encode(w io.Writer, m AddOrder, pad int) error {
	buf := make([]byte, limits.ITCHAddOrderLen+pad)
	buf[0] = 'A'
	binary.BigEndian.PutUint64(buf[11:19], m.Ref)
	buf[19] = m.Side
	binary.BigEndian.PutUint32(buf[20:24], m.Shares)
	copy(buf[24:32], m.Symbol[:])
	binary.BigEndian.PutUint32(buf[32:36], m.Price)
	_, err := w.Write(buf)
	return err
}
