// Package nmea formats GPS fixes as NMEA 0183 sentences and GPX fragments.
package nmea

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// MaxSentence is NMEA 0183's longest sentence, "$" to the checksum, without CR LF.
const MaxSentence = 82

// maxFields is the most fields a sentence the logger parses may hold.
const maxFields = 24

var (
	errLong   = errors.New("nmea: sentence too long")
	errFields = errors.New("nmea: too many fields")
	errSum    = errors.New("nmea: bad checksum")
)

// Fix is one position report.
type Fix struct {
	Time     time.Time
	Lat, Lon float64
	Alt      float64
	Sats     int
}

func checksum(body []byte) byte {
	var x byte
	for _, c := range body {
		x ^= c
	}
	return x
}

const hexDigits = "0123456789ABCDEF"

// Sentence frames fields as "$F1,F2,…*CS".
func Sentence(fields []string) (string, error) {
	n := 0
	for _, f := range fields {
		n += len(f) + 1
	}
	if n > MaxSentence-3 {
		return "", errLong
	}
	buf := make([]byte, 0, n+3)
	buf = append(buf, '$')
	for i, f := range fields {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, f...)
	}
	cs := checksum(buf[1:])
	buf = append(buf, '*', hexDigits[cs>>4], hexDigits[cs&15])
	return string(buf), nil
}

func appendCoord(dst []byte, v float64, deg int, prec int) []byte {
	v = math.Abs(v)
	d := int(v)
	m := (v - float64(d)) * 60
	s := strconv.Itoa(d)
	for i := len(s); i < deg; i++ {
		dst = append(dst, '0')
	}
	dst = append(dst, s...)
	if m < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendFloat(dst, m, 'f', prec, 64)
}

// GGA returns a fix as a $GPGGA sentence with prec decimals of minutes (1..6).
func GGA(f Fix, prec int) string {
	prec = min(max(prec, 1), 6)
	buf := make([]byte, 0, 56+2*prec)
	buf = append(buf, "$GPGGA,"...)
	buf = f.Time.UTC().AppendFormat(buf, "150405.00")
	buf = append(buf, ',')
	buf = appendCoord(buf, f.Lat, 2, prec)
	ns, ew := byte('N'), byte('E')
	if f.Lat < 0 {
		ns = 'S'
	}
	if f.Lon < 0 {
		ew = 'W'
	}
	buf = append(buf, ',', ns, ',')
	buf = appendCoord(buf, f.Lon, 3, prec)
	buf = append(buf, ',', ew, ',', '1', ',')
	buf = strconv.AppendInt(buf, int64(f.Sats), 10)
	buf = append(buf, ",0.9,"...)
	buf = strconv.AppendFloat(buf, f.Alt, 'f', 1, 64)
	buf = append(buf, ",M,,M,,"...)
	cs := checksum(buf[1:])
	buf = append(buf, '*', hexDigits[cs>>4], hexDigits[cs&15])
	return string(buf)
}

// Verify checks a received sentence's checksum.
func Verify(line string) error {
	if len(line) > MaxSentence {
		return errLong
	}
	star := strings.LastIndexByte(line, '*')
	if star < 1 || star+3 != len(line) || line[0] != '$' {
		return errSum
	}
	body := make([]byte, star-1)
	copy(body, line[1:star])
	want, err := strconv.ParseUint(line[star+1:], 16, 8)
	if err != nil || byte(want) != checksum(body) {
		return errSum
	}
	return nil
}

// Split returns a sentence's fields, which the caller keeps.
func Split(line string) ([]string, error) {
	if len(line) > MaxSentence {
		return nil, errLong
	}
	out := make([]string, 0, strings.Count(line, ",")+1)
	for {
		i := strings.IndexByte(line, ',')
		if i < 0 {
			break
		}
		out = append(out, line[:i])
		line = line[i+1:]
	}
	return append(out, line), nil
}

// FieldCount counts a sentence's non-empty fields, using a scratch list of offsets.
func FieldCount(line string) (int, error) {
	if strings.Count(line, ",") >= maxFields {
		return 0, errFields
	}
	offs := make([]int, 0, maxFields)
	offs = append(offs, 0)
	for i := 0; i < len(line); i++ {
		if line[i] == ',' {
			offs = append(offs, i+1)
		}
	}
	n := 0
	for i, o := range offs {
		end := len(line)
		if i+1 < len(offs) {
			end = offs[i+1] - 1
		}
		if end > o {
			n++
		}
	}
	return n, nil
}

// TrackPoint returns a GPX <trkpt> element for a fix.
func TrackPoint(f Fix) string {
	buf := make([]byte, 0, 96)
	buf = append(buf, `<trkpt lat="`...)
	buf = strconv.AppendFloat(buf, f.Lat, 'f', 7, 64)
	buf = append(buf, `" lon="`...)
	buf = strconv.AppendFloat(buf, f.Lon, 'f', 7, 64)
	buf = append(buf, `"><ele>`...)
	buf = strconv.AppendFloat(buf, f.Alt, 'f', 1, 64)
	buf = append(buf, `</ele><time>`...)
	buf = f.Time.UTC().AppendFormat(buf, time.RFC3339)
	buf = append(buf, `</time></trkpt>`...)
	return string(buf)
}

// TrackCSV writes fixes as "lat,lon" lines: as many as the log holds.
func TrackCSV(fixes []Fix) string {
	buf := make([]byte, 0, len(fixes)*24)
	for _, f := range fixes {
		buf = strconv.AppendFloat(buf, f.Lat, 'f', 6, 64)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, f.Lon, 'f', 6, 64)
		buf = append(buf, '\n')
	}
	return string(buf)
}
