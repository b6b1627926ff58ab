package events

import (
	"bytes"
	"go/parser"
	"go/token"
	"testing"
)

var (
	sinkS string
	sinkI int
	sinkB bool
	sinkE error
	sink6 int64
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

var cfg = map[string]string{"auth.realm": "r", "gzip.level": "9"}

func TestAllocs(t *testing.T) {
	allocs(t, "PartitionKey", func() { sinkS, sinkE = PartitionKey(7, "a@b") })
	allocs(t, "RouteKey", func() { sinkS = RouteKey(7, 100) })
	allocs(t, "Redeliver", func() { sinkI, sinkE = Redeliver(7, "a@b") })
	allocs(t, "DispatchLocal", func() { sinkI = DispatchLocal(7) })
	allocs(t, "Preview", func() { sinkS = Preview("hello", 2, "XY") })
	allocs(t, "Transaction", func() { sinkS, sinkE = Transaction("hello", 9) })
	allocs(t, "Rollback", func() { sinkS = Rollback("hello") })
	allocs(t, "Help", func() { var b bytes.Buffer; b.Grow(128); sinkI = Help(&b) })
	allocs(t, "HelpLine", func() { sinkS = HelpLine("insert") })
	allocs(t, "Shout", func() { sinkS = Shout("hello") })
	allocs(t, "Retries", func() { sinkI = Retries() })
	allocs(t, "EnterOpen", func() { sinkS = EnterOpen() })
	allocs(t, "Transitions", func() { sinkI = Transitions() })
	allocs(t, "Reason", func() { sinkS = Reason("eof") })
	allocs(t, "Sum", func() { sink6 = Sum(2, 3) })
	allocs(t, "LitValue", func() { sinkS = LitValue(42) })
	allocs(t, "IsExprNode", func() { sinkB = IsExprNode("x") })
	allocs(t, "Span", func() { sinkI = Span("fmt", "Println") })
	allocs(t, "Exported", func() { sinkB = Exported("Name") })
	allocs(t, "InitAll", func() { sinkI, sinkE = InitAll(cfg) })
	allocs(t, "IDs", func() { sinkS = IDs() })
	allocs(t, "Lifecycle", func() { sinkB = Lifecycle("9") })
	allocs(t, "Realm", func() { sinkS, sinkE = Realm("r") })
}

func TestBehaviour(t *testing.T) {
	if k, err := PartitionKey(7, "a@b"); k != "user/7" || err != nil {
		t.Fatal(k, err)
	}
	if _, err := PartitionKey(7, "ab"); err == nil {
		t.Fatal("PartitionKey validated a bad email")
	}
	if got := RouteKey(7, 100); got != "orders:order/7" {
		t.Fatal(got)
	}
	if n, err := Redeliver(7, "ab"); n != 1 || err == nil {
		t.Fatal(n, err)
	}
	if got := DispatchLocal(7); got != 2 {
		t.Fatal(got)
	}
	if got := Preview("hello", 2, "XY"); got != "heXYllo|hello" {
		t.Fatal(got)
	}
	if got, err := Transaction("hello", 9); got != "hello" || err == nil {
		t.Fatal(got, err)
	}
	if got, err := Transaction("hello", 5); got != "HELLO!" || err != nil {
		t.Fatal(got, err)
	}
	if got := Rollback("hello"); got != "hello" {
		t.Fatal(got)
	}
	var b bytes.Buffer
	if Help(&b); b.String() != "insert: insert S at N\nwipe: wipe the document\n" {
		t.Fatal(b.String())
	}
	if got := HelpLine("upper"); got != "upper" {
		t.Fatal(got)
	}
	if got := HelpLine("x"); got != "unknown command x" {
		t.Fatal(got)
	}
	if got := Shout("hi"); got != "HI" {
		t.Fatal(got)
	}
	if got := Retries(); got != 3 {
		t.Fatal(got)
	}
	if got := Drive([]string{"dial", "fail", "ok", "close"}); got != "closed dial;open;" {
		t.Fatal(got)
	}
	if got := EnterOpen(); got != "open;" {
		t.Fatal(got)
	}
	if got := Transitions(); got != 1 {
		t.Fatal(got)
	}
	if got := Reason("eof"); got != "eof" {
		t.Fatal(got)
	}
	if Phase(&open{}) != 2 || Phase(idle{}) != 0 {
		t.Fatal("Phase")
	}
	if got := Sum(2, 3); got != 5 {
		t.Fatal(got)
	}
	if got := LitValue(42); got != "42" {
		t.Fatal(got)
	}
	if !IsExprNode("x") {
		t.Fatal("IsExprNode")
	}
	if got := Span("fmt", "Println"); got != 11 {
		t.Fatal(got)
	}
	if !Exported("Name") || Exported("name") {
		t.Fatal("Exported")
	}
	if n, err := InitAll(cfg); n != 2 || err != nil {
		t.Fatal(n, err)
	}
	if _, err := InitAll(nil); err == nil {
		t.Fatal("InitAll without a realm")
	}
	if got := IDs(); got != "gzip,auth" {
		t.Fatal(got)
	}
	if !Lifecycle("9") {
		t.Fatal("Lifecycle")
	}
	if r, err := Realm("r"); r != "r" || err != nil {
		t.Fatal(r, err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package p\nfunc f() { g(h()) }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := CountCalls(f); got != 2 {
		t.Fatal(got)
	}
	if c, n := Idents(f); c != 2 || n != 4 {
		t.Fatal(c, n)
	}
	bus := NewBus()
	if got := Audit(bus, 1); got != 1 {
		t.Fatal(got)
	}
	if got := PublishAsync(bus, 2); got != 0 {
		t.Fatal(got)
	}
	if StartAll() != 2 || Loaded() < 1 || len(Envelopes([]int{1, 2})) != 2 {
		t.Fatal("misc")
	}
	if FirstValid([]Event{&OrderPlaced{}, &UserCreated{Email: "a@b"}}) != 1 {
		t.Fatal("FirstValid")
	}
	var h History
	d := Doc{text: "# x"}
	if Record(&h, "x") != "# x" || h.Undo(&d) != nil {
		t.Fatal("Record")
	}
	if Run(map[string]Command{"upper": &upper{}}, &d, "upper now") != nil {
		t.Fatal("Run")
	}
}
