package status

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"example.com/probes/mixed-controller/api"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestStatus(t *testing.T) {
	o := &api.Object{ObjectMeta: api.ObjectMeta{Namespace: "prod", Name: "web", ResourceVersion: 7},
		Spec: api.Spec{Replicas: 3}, Status: api.Status{ReadyReplicas: 2, ObservedGeneration: 4}}
	p, _ := MergePatch(o)
	if string(p) != `{"metadata":{"resourceVersion":"7"},"status":{"readyReplicas":2,"observedGeneration":4,"phase":"Progressing"}}` {
		t.Fatal(string(p))
	}
	var out bytes.Buffer
	if err := WritePatch(&out, o); err != nil || !strings.Contains(out.String(), `"phase":"Progressing"`) {
		t.Fatal(out.String(), err)
	}
	conds := SetCondition(nil, api.Condition{Type: "Ready", Status: "False", Reason: "MinimumReplicasUnavailable"})
	conds = SetCondition(conds, api.Condition{Type: "Progressing", Status: "True"})
	conds = SetCondition(conds, api.Condition{Type: "Ready", Status: "False", Reason: "Scaling"})
	if len(conds) != 2 || conds[0].Reason != "Scaling" {
		t.Fatal(conds)
	}
	if b, err := ConditionsPatch(conds); err != nil || !bytes.Contains(b, []byte(`"Scaling"`)) {
		t.Fatal(string(b), err)
	}
	out.Reset()
	if err := EncodeStatus(&out, o); err != nil || !strings.HasPrefix(out.String(), `{"ReadyReplicas":2`) {
		t.Fatal(out.String(), err)
	}
	if got := Line(o); !strings.HasSuffix(got, " 2/3 Progressing") {
		t.Fatal(got)
	}
	out.Reset()
	if err := Table(&out, []*api.Object{o}); err != nil || !strings.Contains(out.String(), "prod       web   2/3") {
		t.Fatal(out.String(), err)
	}
	if got := Message(conds); got != "Ready: Scaling" {
		t.Fatal(got)
	}
	var r Reasons
	r.Record(conds)
	if r.Last.String() != "Ready=Scaling\n" {
		t.Fatal(r.Last.String())
	}
	objs := []*api.Object{o, o, o}
	allocs(t, "WritePatch", func() { WritePatch(io.Discard, o) })
	allocs(t, "EncodeStatus", func() { EncodeStatus(io.Discard, o) })
	allocs(t, "Line", func() { Line(o) })
	allocs(t, "Table", func() { Table(io.Discard, objs) })
	allocs(t, "Message", func() { Message(conds) })
}
