package nmea

import "strconv"

// Fix is a position from a GGA sentence.
type Fix struct {
	Lat, Lon   float64
	Satellites int
	Raw        []byte
}

// ParseSatellites reads GGA's satellite count field, at most two digits, and sizes the per-satellite SNR table.
func SatelliteTable(field string) (int, error) {
	if len(field) > 2 {
		return 0, ErrFormat
	}
	n, err := strconv.Atoi(field)
	if err != nil || n < 0 {
		return 0, ErrFormat
	}
	snr := make([]float32, n)
	for i := range snr {
		snr[i] = float32(i)
	}
	total := float32(0)
	for _, v := range snr {
		total += v
	}
	return int(total), nil
}

// Keep stores the raw sentence with the fix for the upload batch.
func (f *Fix) Keep(line string) error {
	if len(line) > MaxSentence {
		return ErrLength
	}
	raw := make([]byte, len(line))
	copy(raw, line)
	f.Raw = raw
	return nil
}

// Coordinate renders ddmm.mmmm as degrees with prec decimals, prec from the upload settings.
func Coordinate(dm string, prec int) string {
	if len(dm) > 12 {
		return ""
	}
	buf := make([]byte, 0, len(dm)+prec)
	v, err := strconv.ParseFloat(dm, 64)
	if err != nil {
		return ""
	}
	deg := float64(int(v/100)) + (v-100*float64(int(v/100)))/60
	buf = strconv.AppendFloat(buf, deg, 'f', prec, 64)
	return string(buf)
}
