package modbus

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	dst := make([]byte, 0, 512)
	regs := make([]uint16, 100)
	allocs(t, "AppendReadResponse", func() { AppendReadResponse(dst, 1, regs) })
	coils := make([]bool, 1000)
	allocs(t, "AppendCoilsResponse", func() { AppendCoilsResponse(dst, coils) })
	allocs(t, "AppendWriteMultiple", func() { AppendWriteMultiple(dst, 10, regs) })
	frame := make([]byte, 7+2+200)
	frame[4], frame[5], frame[8] = 0, 203, 200
	out := make([]uint16, 100)
	allocs(t, "DecodeTCP", func() { DecodeTCP(frame, out) })
	adu := appendRTU(nil, 1, make([]byte, 200))
	allocs(t, "CheckRTU", func() { CheckRTU(adu) })
	pdu := make([]byte, 200)
	allocs(t, "FrameRTU", func() { FrameRTU(1, pdu) })
	var c Client
	allocs(t, "Client.Remember", func() { c.Remember(1, pdu) })
	allocs(t, "Client.ExpectedResponse", func() { c.ExpectedResponse(pdu, 100) })
	allocs(t, "Client.ReadInputs", func() { c.ReadInputs(1, 0, 100) })
}
