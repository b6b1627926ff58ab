package bankref

import (
	"errors"
	"strconv"
	"time"
)

// Field limits of the SEPA pain.001 message.
const (
	maxMsgID    = 35
	maxEndToEnd = 35
	maxBIC      = 11
)

var errID = errors.New("bankref: identifier too long")

// bicLen is 8 or 11 for a BIC, 0 otherwise.
func bicLen(bic string) int {
	switch len(bic) {
	case 8, 11:
		return len(bic)
	}
	return 0
}

// BranchCode returns the branch part of a BIC, "XXX" for the head office.
func BranchCode(bic string) (string, error) {
	n := bicLen(bic)
	if n == 0 {
		return "", errID
	}
	br := make([]byte, 3)
	if n == 8 {
		copy(br, "XXX")
	} else {
		copy(br, bic[8:])
	}
	return string(br), nil
}

// stampLen is the length of the timestamp a message id starts with, for each precision.
func stampLen(withSeconds bool) int {
	if withSeconds {
		return len("20060102150405")
	}
	return len("200601021504")
}

// MessageID builds "<yyyymmddhhmm[ss]>-<sender>-<seq>" capped at 35 characters.
func MessageID(at time.Time, sender string, seq uint32, seconds bool) (string, error) {
	if len(sender) > 16 {
		return "", errID
	}
	sl := stampLen(seconds)
	id := make([]byte, 0, sl+1+len(sender)+1+10)
	if seconds {
		id = at.AppendFormat(id, "20060102150405")
	} else {
		id = at.AppendFormat(id, "200601021504")
	}
	id = append(id, '-')
	id = append(id, sender...)
	id = append(id, '-')
	id = strconv.AppendUint(id, uint64(seq), 10)
	if len(id) > maxMsgID {
		id = id[:maxMsgID]
	}
	return string(id), nil
}

// EndToEnd pads a remittance reference with spaces to the width the bank's flat file wants.
func EndToEnd(ref string, width int) (string, error) {
	if len(ref) > maxEndToEnd {
		return "", errID
	}
	w := max(width, len(ref))
	cell := make([]byte, w)
	copy(cell, ref)
	for i := len(ref); i < w; i++ {
		cell[i] = ' '
	}
	return string(cell), nil
}

// Batch holds the end-to-end ids of a payment batch; Add keeps each.
type Batch struct {
	ids [][]byte
}

// Add stores a copy of ref.
func (b *Batch) Add(ref string) {
	id := make([]byte, len(ref))
	copy(id, ref)
	b.ids = append(b.ids, id)
}
