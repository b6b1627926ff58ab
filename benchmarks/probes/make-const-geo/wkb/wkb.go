// Package wkb writes points and small polygons as WKB (hex, for PostGIS) and WKT.
package wkb

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"math"
	"strconv"

	"example.com/probes/make-const-geo/limits"
)

// Point is a planar coordinate (x = longitude, y = latitude).
type Point struct{ X, Y float64 }

const (
	wkbPoint   = 1
	wkbPolygon = 3
	pointSize  = 1 + 4 + 16
	// headerSize is a polygon's byte order, type and ring count.
	headerSize = 1 + 4 + 4
)

var (
	errRing  = errors.New("wkb: ring too large")
	errPoint = errors.New("wkb: bad point")
)

// PointHex returns a point's little-endian WKB in hex, as PostGIS prints it.
func PointHex(p Point) string {
	raw := make([]byte, pointSize)
	raw[0] = 1
	binary.LittleEndian.PutUint32(raw[1:], wkbPoint)
	binary.LittleEndian.PutUint64(raw[5:], math.Float64bits(p.X))
	binary.LittleEndian.PutUint64(raw[13:], math.Float64bits(p.Y))
	return hex.EncodeToString(raw)
}

// ParsePointHex reads a point from its hex WKB.
func ParsePointHex(s string) (Point, error) {
	if len(s) != 2*pointSize {
		return Point{}, errPoint
	}
	raw := make([]byte, hex.DecodedLen(len(s)))
	if _, err := hex.Decode(raw, []byte(s)); err != nil {
		return Point{}, err
	}
	var order binary.ByteOrder = binary.LittleEndian
	if raw[0] == 0 {
		order = binary.BigEndian
	}
	if order.Uint32(raw[1:]) != wkbPoint {
		return Point{}, errPoint
	}
	return Point{math.Float64frombits(order.Uint64(raw[5:])), math.Float64frombits(order.Uint64(raw[13:]))}, nil
}

// PolygonHex returns a one-ring polygon's WKB in hex for a geofence row.
func PolygonHex(ring []Point) (string, error) {
	if len(ring) > limits.MaxRingPoints {
		return "", errRing
	}
	raw := make([]byte, headerSize+4+16*len(ring))
	raw[0] = 1
	binary.LittleEndian.PutUint32(raw[1:], wkbPolygon)
	binary.LittleEndian.PutUint32(raw[5:], 1)
	binary.LittleEndian.PutUint32(raw[9:], uint32(len(ring)))
	off := headerSize + 4
	for _, p := range ring {
		binary.LittleEndian.PutUint64(raw[off:], math.Float64bits(p.X))
		binary.LittleEndian.PutUint64(raw[off+8:], math.Float64bits(p.Y))
		off += 16
	}
	return hex.EncodeToString(raw), nil
}

// Polygon returns a one-ring polygon's WKB, which the caller sends as a query argument.
func Polygon(ring []Point) ([]byte, error) {
	if len(ring) > limits.MaxRingPoints {
		return nil, errRing
	}
	raw := make([]byte, headerSize+4+16*len(ring))
	raw[0] = 1
	binary.LittleEndian.PutUint32(raw[1:], wkbPolygon)
	binary.LittleEndian.PutUint32(raw[5:], 1)
	binary.LittleEndian.PutUint32(raw[9:], uint32(len(ring)))
	off := headerSize + 4
	for _, p := range ring {
		binary.LittleEndian.PutUint64(raw[off:], math.Float64bits(p.X))
		binary.LittleEndian.PutUint64(raw[off+8:], math.Float64bits(p.Y))
		off += 16
	}
	return raw, nil
}

// RingWKT returns "POLYGON((x y, …))" with prec decimals, prec clamped to 0..9.
func RingWKT(ring []Point, prec int) (string, error) {
	if len(ring) > limits.MaxRingPoints {
		return "", errRing
	}
	prec = min(max(prec, 0), 9)
	// Each coordinate: sign, 3 integer digits, point, prec decimals; a space or ", " after.
	buf := make([]byte, 0, len("POLYGON(())")+len(ring)*(2*(prec+5)+3))
	buf = append(buf, "POLYGON(("...)
	for i, p := range ring {
		if i > 0 {
			buf = append(buf, ", "...)
		}
		buf = strconv.AppendFloat(buf, p.X, 'f', prec, 64)
		buf = append(buf, ' ')
		buf = strconv.AppendFloat(buf, p.Y, 'f', prec, 64)
	}
	buf = append(buf, "))"...)
	return string(buf), nil
}

// MultiPointWKT returns "MULTIPOINT(…)" of any number of points.
func MultiPointWKT(points []Point) string {
	buf := make([]byte, 0, 12+len(points)*24)
	buf = append(buf, "MULTIPOINT("...)
	for i, p := range points {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendFloat(buf, p.X, 'f', -1, 64)
		buf = append(buf, ' ')
		buf = strconv.AppendFloat(buf, p.Y, 'f', -1, 64)
	}
	return string(append(buf, ')'))
}

// RingChecksum hashes a fence's ring as its WKB bytes for change detection; the
// ring is padded to close it, which may add the first point again.
func RingChecksum(ring []Point, closeRing bool) (uint32, error) {
	if len(ring) > limits.MaxRingPoints {
		return 0, errRing
	}
	n := len(ring)
	if closeRing && n > 0 && ring[0] != ring[n-1] {
		n++
	}
	raw := make([]byte, 16*n)
	for i := 0; i < n; i++ {
		p := ring[i%len(ring)]
		binary.LittleEndian.PutUint64(raw[16*i:], math.Float64bits(p.X))
		binary.LittleEndian.PutUint64(raw[16*i+8:], math.Float64bits(p.Y))
	}
	var h uint32 = 2166136261
	for _, b := range raw {
		h = (h ^ uint32(b)) * 16777619
	}
	return h, nil
}
