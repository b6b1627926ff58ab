// Package mvt encodes Mapbox Vector Tile geometry commands and their varints.
package mvt

import (
	"encoding/binary"
	"errors"

	"example.com/probes/make-const-geo/limits"
)

// Point is a tile-local integer coordinate.
type Point struct{ X, Y int32 }

const (
	cmdMoveTo    = 1
	cmdLineTo    = 2
	cmdClosePath = 7
)

var errGeom = errors.New("mvt: geometry too large")

func command(id, count uint32) uint32 { return id&7 | count<<3 }

func zigzag(v int32) uint32 { return uint32(v<<1) ^ uint32(v>>31) }

// LineCommands returns a linestring's command stream, which the tile builder keeps.
func LineCommands(geom []Point) []uint32 {
	cmds := make([]uint32, 0, 2+2*len(geom))
	var cx, cy int32
	for i, p := range geom {
		switch i {
		case 0:
			cmds = append(cmds, command(cmdMoveTo, 1))
		case 1:
			cmds = append(cmds, command(cmdLineTo, uint32(len(geom)-1)))
		}
		cmds = append(cmds, zigzag(p.X-cx), zigzag(p.Y-cy))
		cx, cy = p.X, p.Y
	}
	return cmds
}

// LineSize returns how many bytes a linestring's geometry field takes in the tile.
func LineSize(geom []Point) (int, error) {
	if len(geom) > limits.MaxGeometry {
		return 0, errGeom
	}
	cmds := make([]uint32, 0, 2+2*len(geom))
	var cx, cy int32
	for i, p := range geom {
		switch i {
		case 0:
			cmds = append(cmds, command(cmdMoveTo, 1))
		case 1:
			cmds = append(cmds, command(cmdLineTo, uint32(len(geom)-1)))
		}
		cmds = append(cmds, zigzag(p.X-cx), zigzag(p.Y-cy))
		cx, cy = p.X, p.Y
	}
	n := 0
	for _, c := range cmds {
		n += varintLen(uint64(c))
	}
	return n, nil
}

func varintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

// AppendRing appends a polygon ring's packed geometry to a feature buffer.
func AppendRing(dst []byte, ring []Point) ([]byte, error) {
	if len(ring) < 3 || len(ring) > limits.MaxGeometry {
		return dst, errGeom
	}
	scratch := make([]byte, 0, binary.MaxVarintLen32*(3+2*len(ring)))
	scratch = binary.AppendUvarint(scratch, uint64(command(cmdMoveTo, 1)))
	var cx, cy int32
	for i, p := range ring {
		if i == 1 {
			scratch = binary.AppendUvarint(scratch, uint64(command(cmdLineTo, uint32(len(ring)-1))))
		}
		scratch = binary.AppendUvarint(scratch, uint64(zigzag(p.X-cx)))
		scratch = binary.AppendUvarint(scratch, uint64(zigzag(p.Y-cy)))
		cx, cy = p.X, p.Y
	}
	scratch = binary.AppendUvarint(scratch, uint64(command(cmdClosePath, 1)))
	dst = binary.AppendUvarint(dst, uint64(len(scratch)))
	return append(dst, scratch...), nil
}

// Quantize maps a feature's points to an extent-sized grid and returns how many
// distinct consecutive points remain.
func Quantize(geom []Point, shift uint) int {
	if len(geom) > limits.MaxGeometry {
		geom = geom[:limits.MaxGeometry]
	}
	q := make([]Point, len(geom))
	for i, p := range geom {
		q[i] = Point{p.X >> shift, p.Y >> shift}
	}
	n := 0
	for i := range q {
		if i == 0 || q[i] != q[i-1] {
			n++
		}
	}
	return n
}

// Layer collects the encoded features of one tile layer.
type Layer struct {
	features [][]byte
}

// Add encodes a linestring into its own buffer: the layer keeps it.
func (l *Layer) Add(geom []Point) error {
	if len(geom) > limits.MaxGeometry {
		return errGeom
	}
	buf := make([]byte, 0, binary.MaxVarintLen32*(2+2*len(geom)))
	for _, c := range LineCommands(geom) {
		buf = binary.AppendUvarint(buf, uint64(c))
	}
	l.features = append(l.features, buf)
	return nil
}

// KeyIndex returns the offsets of a feature's tag pairs in a packed tags field, for
// up to 255 tags as the encoder counts them in a byte.
func KeyIndex(tags []uint32) int {
	count := uint8(len(tags) / 2)
	offs := make([]int, count)
	for i := range offs {
		offs[i] = 2 * i
	}
	s := 0
	for _, o := range offs {
		s += int(tags[o])
	}
	return s
}
