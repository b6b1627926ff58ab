package mqtt

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	dst := make([]byte, 0, 512)
	payload := []byte(`{"t":21.5}`)
	topic := "site/berlin-7/gateway/42/sensors/temperature/ambient/0001"
	allocs(t, "AppendPublish", func() { AppendPublish(dst, topic, payload, 1, 7) })
	allocs(t, "AppendConnect", func() { AppendConnect(dst, "gw-berlin-7-0042-ab12", 60) })
	allocs(t, "Levels", func() { Levels(topic) })
	allocs(t, "SplitFilter", func() { SplitFilter("site/+/gateway/+/sensors/#") })
	pkt, _ := AppendPublish(nil, topic, make([]byte, 200), 0, 0)
	allocs(t, "PayloadHash", func() { PayloadHash(pkt) })
	allocs(t, "BodyHash", func() { BodyHash(pkt) })
	var m Message
	allocs(t, "Decode", func() { Decode(pkt, &m) })
	bt := []byte("Site/Berlin-7/Gateway/42/Sensors/Temperature")
	allocs(t, "TopicKey", func() { TopicKey(bt) })
}
