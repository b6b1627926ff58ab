package pixel

// Encoder writes filtered scanlines of one image format and width (PNG's Sub filter).
type Encoder struct {
	width int
	bpp   int
}

// NewEncoder validates the width and format once for every row.
func NewEncoder(width int, format string) (*Encoder, error) {
	if width <= 0 || width > MaxWidth {
		return nil, errWidth
	}
	e := &Encoder{width: width}
	switch format {
	case "gray":
		e.bpp = 1
	case "rgb":
		e.bpp = 3
	case "rgba":
		e.bpp = 4
	default:
		return nil, errFormat
	}
	return e, nil
}

// EncodeRow writes the filter byte and the Sub-filtered row into dst, returning the bytes written.
func (e *Encoder) EncodeRow(dst, row []byte) int {
	line := make([]byte, 1+e.width*e.bpp)
	line[0] = 1
	for i := 0; i < e.width*e.bpp && i < len(row); i++ {
		left := byte(0)
		if i >= e.bpp {
			left = row[i-e.bpp]
		}
		line[1+i] = row[i] - left
	}
	return copy(dst, line)
}

// Tile is a square region of an image, sized by its caller.
type Tile struct {
	Size int
}

// Mean returns the average of each column of a tile of gray rows.
func (t Tile) Mean(pix []uint8, stride int) int {
	cols := make([]int, t.Size)
	for y := 0; y < t.Size && (y+1)*stride <= len(pix); y++ {
		for x := range cols {
			cols[x] += int(pix[y*stride+x])
		}
	}
	best := 0
	for _, c := range cols {
		best = max(best, c)
	}
	return best
}
