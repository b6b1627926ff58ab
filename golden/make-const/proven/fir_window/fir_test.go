package fir

import "testing"

func TestBehaviour(t *testing.T) {
	f, err := New([]float32{1, 1, 1}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]float32, 4)
	f.Process([]float32{2, 4, 6, 8}, out)
	if out[0] != 1 || out[1] != 3 || out[2] != 6 || out[3] != 9 {
		t.Fatal(out)
	}
	f.Truncate(1)
	f.Process([]float32{2, 4}, out)
	if out[0] != 1 || out[1] != 2 {
		t.Fatal("truncated:", out)
	}
	if _, err := New(make([]float32, maxTaps+1), 1); err == nil {
		t.Fatal("a filter longer than maxTaps")
	}
}

func TestAllocs(t *testing.T) {
	coeffs := make([]float32, 31)
	for i := range coeffs {
		coeffs[i] = 1 / float32(len(coeffs))
	}
	f, _ := New(coeffs, 1)
	frame := make([]float32, 160)
	out := make([]float32, 160)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { f.Process(frame, out) }))
}
