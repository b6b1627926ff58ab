package keep

import "testing"

func TestGauge(t *testing.T) {
	r := &Recorder[string]{Label: "disk"}
	Gauge(r, "used", 1)
	Gauge(r, "used", 2)
	if first, second := string(r.Lines[0]), string(r.Lines[1]); first != "used=1\n" || second != "used=2\n" {
		t.Fatalf("the recorder keeps %q, %q", first, second)
	}
}
