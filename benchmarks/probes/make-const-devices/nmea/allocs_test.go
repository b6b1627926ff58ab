package nmea

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	line := "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n"
	allocs(t, "Verify", func() { Verify(line) })
	body := line[1 : len(line)-5]
	allocs(t, "Fields", func() { Fields(body) })
	allocs(t, "Normalize", func() { Normalize(line) })
	dst := make([]byte, 0, 128)
	allocs(t, "AppendSentence", func() { AppendSentence(dst, body) })
	allocs(t, "FieldOffsets", func() { FieldOffsets(body, 14) })
	allocs(t, "SatelliteTable", func() { SatelliteTable("12") })
	var f Fix
	allocs(t, "Fix.Keep", func() { f.Keep(line) })
	allocs(t, "Coordinate", func() { Coordinate("4807.038", 6) })
}
