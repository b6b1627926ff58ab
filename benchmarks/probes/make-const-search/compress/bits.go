package compress

// BitWriter packs bits most significant first.
type BitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

// WriteBits writes the low n bits of v.
func (w *BitWriter) WriteBits(v uint64, n uint) {
	for n > 0 {
		take := min(n, 64-w.nacc, 8)
		w.acc = w.acc<<take | (v>>(n-take))&(1<<take-1)
		w.nacc += take
		n -= take
		for w.nacc >= 8 {
			w.out = append(w.out, byte(w.acc>>(w.nacc-8)))
			w.nacc -= 8
		}
	}
}

// Bytes flushes and returns the packed bytes.
func (w *BitWriter) Bytes() []byte {
	if w.nacc > 0 {
		w.out = append(w.out, byte(w.acc<<(8-w.nacc)))
		w.nacc = 0
	}
	return w.out
}

// PackedSize is the byte size of vals packed at width bits each, through a
// scratch buffer the packer fills.
func PackedSize(vals []uint32, width uint) int {
	if width == 0 || width > 32 {
		return -1
	}
	buf := make([]byte, (len(vals)*int(width)+7)/8)
	bit := 0
	for _, v := range vals {
		for b := int(width) - 1; b >= 0; b-- {
			if v>>uint(b)&1 == 1 {
				buf[bit/8] |= 0x80 >> (bit % 8)
			}
			bit++
		}
	}
	return len(buf)
}

// PackBlock packs a posting block's deltas at width bits and returns the
// checksum of the packed bytes.
func PackBlock(deltas []uint32, width uint) uint32 {
	if len(deltas) > 128 || width == 0 || width > 32 {
		return 0
	}
	buf := make([]byte, (len(deltas)*int(width)+7)/8)
	bit := 0
	for _, v := range deltas {
		for b := int(width) - 1; b >= 0; b-- {
			if v>>uint(b)&1 == 1 {
				buf[bit/8] |= 0x80 >> (bit % 8)
			}
			bit++
		}
	}
	var sum uint32
	for _, c := range buf {
		sum = sum*16777619 ^ uint32(c)
	}
	return sum
}

// Pack packs vals at width bits for the segment file.
func Pack(vals []uint32, width uint) []byte {
	buf := make([]byte, 0, (len(vals)*int(width)+7)/8)
	w := BitWriter{out: buf}
	for _, v := range vals {
		w.WriteBits(uint64(v), width)
	}
	return w.Bytes()
}
