package framing

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	src := make([]byte, 200)
	for i := range src {
		src[i] = byte(i % 7)
	}
	dst := make([]byte, 0, 2100)
	allocs(t, "AppendCOBS", func() { AppendCOBS(dst, src) })
	enc, _ := AppendCOBS(nil, src)
	allocs(t, "COBSChecksum", func() { COBSChecksum(enc) })
	allocs(t, "AppendSLIP", func() { AppendSLIP(dst, src) })
	slip, _ := AppendSLIP(nil, src)
	allocs(t, "UnSLIP", func() { UnSLIP(slip) })
	allocs(t, "NewDecoder", func() { NewDecoder(200) })
	hdr := append([]byte{30}, src...)
	allocs(t, "HeaderSum", func() { HeaderSum(hdr, 8) })
}
