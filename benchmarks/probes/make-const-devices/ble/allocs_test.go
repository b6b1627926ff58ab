package ble

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	dst := make([]byte, 0, 64)
	uuids := []uint16{0x180f, 0x181a, 0xfeaa}
	allocs(t, "AppendAdv", func() { AppendAdv(dst, "th-sensor-0042", uuids, 0x06) })
	adv, _ := AppendAdv(nil, "th-sensor-0042", uuids, 0x06)
	allocs(t, "LocalName", func() { LocalName(adv) })
	md := make([]byte, 20)
	allocs(t, "ManufacturerHex", func() { ManufacturerHex(0x004c, md) })
	allocs(t, "ServiceUUIDs", func() { ServiceUUIDs(adv) })
	var s Scanner
	allocs(t, "Scanner.Add", func() { s.Add([6]byte{1, 2, 3, 4, 5, 6}, -70, adv) })
	allocs(t, "AddrString", func() { AddrString([6]byte{1, 2, 3, 4, 5, 6}) })
	allocs(t, "MaskedName", func() { MaskedName("warehouse-east-th-0042", 4) })
}
