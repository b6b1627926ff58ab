package gql

import (
	"errors"
	"math"
	"testing"
	"time"
)

var (
	sinkI int
	sinkS string
	sinkB bool
	sinkF float64
	sinkD time.Duration
	sinkA any
	sinkE error
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	u := &User{ID: 42, Name: "ann", Admin: true}
	vars := map[string]bool{"show": true}
	gvars := map[string]any{"first": 5}
	err := NewError("denied")
	allocs(t, "PageSize", func() { sinkS, sinkI = PageSize("c1") })
	allocs(t, "Order", func() { sinkS = Order("name") })
	allocs(t, "RoleFilter", func() { sinkS = RoleFilter("q") })
	allocs(t, "Boost", func() { sinkF = Boost(2) })
	allocs(t, "Weighted", func() { sinkF = Weighted(2) })
	allocs(t, "NegatedOffset", func() { sinkF = NegatedOffset() })
	allocs(t, "Timeout", func() { sinkS, sinkD = Timeout("q") })
	allocs(t, "ComplexityBudget", func() { sinkB = ComplexityBudget(150) })
	allocs(t, "Variables", func() { sinkI = Variables(gvars) })
	allocs(t, "CoerceLimit", func() { sinkI = CoerceLimit("12", false) })
	allocs(t, "WrongScalar", func() { sinkI, sinkB = WrongScalar() })
	allocs(t, "ViewerName", func() { sinkS = ViewerName(7) })
	allocs(t, "LoadViewer", func() { sinkS = LoadViewer(7) })
	allocs(t, "DebugOn", func() { sinkS, sinkB = DebugOn(7) })
	allocs(t, "EndCursor", func() { sinkS = EndCursor(30) })
	allocs(t, "Cursors", func() { sinkS = Cursors(30) })
	allocs(t, "HasNextPage", func() { sinkS, sinkB = HasNextPage("c") })
	allocs(t, "Progress", func() { sinkF = Progress() })
	allocs(t, "Included", func() { sinkB = Included(vars) })
	allocs(t, "Apply", func() { sinkS = Apply("_abc") })
	allocs(t, "Describe", func() { sinkS, sinkB = Describe() })
	allocs(t, "Lookup", func() { sinkB = Lookup("skip", vars) })
	allocs(t, "ErrorCode", func() { sinkS = ErrorCode("bad") })
	allocs(t, "Retryable", func() { sinkB, sinkI = Retryable("m") })
	allocs(t, "RetryAfter", func() { sinkF = RetryAfter() })
	allocs(t, "Severity", func() { sinkS = Severity() })
	allocs(t, "Wrapped", func() { sinkS = Wrapped(err) })
	allocs(t, "At", func() { sinkS = At(3, 4) })
	allocs(t, "AtWrong", func() { sinkS, sinkB = AtWrong(3) })
	allocs(t, "Chain", func() { sinkS = Chain("user.name") })
	allocs(t, "ChainLower", func() { sinkS = ChainLower("User.Name") })
	allocs(t, "ChainAll", func() { sinkS = ChainAll("p") })
	allocs(t, "ChainSpans", func() { sinkS, sinkI = ChainSpans("p") })
	allocs(t, "ChainConfigured", func() { sinkS = ChainConfigured("p", 1) })
	allocs(t, "ResolveName", func() { sinkS = ResolveName(u) })
	allocs(t, "ResolveID", func() { sinkS = ResolveID(u) })
	allocs(t, "LeafText", func() { sinkS = LeafText(1, "x") })
	allocs(t, "ResolveField", func() { sinkA = ResolveField(u, "id") })
	allocs(t, "AdminFlag", func() { sinkB = AdminFlag(true) })
	allocs(t, "ResolvedNull", func() { sinkS, sinkB = ResolvedNull("a.b") })
	allocs(t, "Render", func() { sinkS = Render(u) })
	allocs(t, "RenderKeyed", func() { sinkS = RenderKeyed(u) })
	allocs(t, "RenderTyped", func() { sinkS = RenderTyped(u) })
	allocs(t, "RenderEdge", func() { sinkS, sinkI = RenderEdge(u) })
	allocs(t, "RenderRetargeted", func() { sinkS = RenderRetargeted(u, true) })
	allocs(t, "RenderSkipping", func() { sinkS = RenderSkipping(u, false) })
}

func TestValues(t *testing.T) {
	u := &User{ID: 42, Name: "ann", Admin: true}
	if s, n := PageSize("c1"); s != "c1" || n != 20 {
		t.Fatal("PageSize", s, n)
	}
	if got := Order("name"); got != "name DESC" {
		t.Fatal(got)
	}
	if got := RoleFilter("q"); got != "q=ADMIN" {
		t.Fatal(got)
	}
	if got := Boost(2); got != 3 {
		t.Fatal(got)
	}
	if got := Weighted(-0.0); got != 0 {
		t.Fatal(got)
	}
	if got := NegatedOffset(); !math.Signbit(got) {
		t.Fatal("NegatedOffset lost the sign of -0:", got)
	}
	if got := Weighted(math.Copysign(0, -1)); math.Signbit(got) {
		t.Fatal("Weighted(-0) is +0: the constant -0.0 is 0, and -0 + 0 is 0:", got)
	}
	if op, d := Timeout("q"); op != "q" || d != 3*time.Second {
		t.Fatal(op, d)
	}
	if !ComplexityBudget(200) || ComplexityBudget(201) {
		t.Fatal("ComplexityBudget")
	}
	if Variables(map[string]any{"first": 5}) != 5 || Variables(nil) != 20 {
		t.Fatal("Variables")
	}
	if CoerceLimit("12", false) != 12 || CoerceLimit("abc", true) != 3 {
		t.Fatal("CoerceLimit")
	}
	if n, ok := WrongScalar(); ok || n != 0 {
		t.Fatal("WrongScalar", n, ok)
	}
	if a := ParseArgs(3, "x"); a["first"].(int) != 3 || a["includeDeleted"].(bool) {
		t.Fatal("ParseArgs")
	}
	if ViewerName(7) != "viewer:7" || LoadViewer(7) != "u7!" {
		t.Fatal("viewer")
	}
	if s, d := DebugOn(7); s != "viewer:7" || d {
		t.Fatal("DebugOn")
	}
	if EndCursor(30) != "aWQ6MzA" || Cursors(1) != "b64=aWQ6MQ==;plain=id|1;" {
		t.Fatal("cursors", EndCursor(30), Cursors(1))
	}
	if c, ok := DecodeCursor("id:3"); !ok || c.Offset != 3 {
		t.Fatal("DecodeCursor")
	}
	if _, ok := DecodeCursor("x"); ok {
		t.Fatal("DecodeCursor x")
	}
	if s, b := HasNextPage("c"); s != "c" || !b {
		t.Fatal("HasNextPage")
	}
	if Progress() != 0.5 {
		t.Fatal("Progress")
	}
	if !Included(map[string]bool{"show": true}) || Included(map[string]bool{"show": true, "hide": true}) {
		t.Fatal("Included")
	}
	if Apply("_abc") != "ABC" {
		t.Fatal("Apply")
	}
	if n, tr := Describe(); n != "@skip@trim" || !tr {
		t.Fatal("Describe")
	}
	if Lookup("include", nil) || !Lookup("skip", nil) || !Lookup("other", nil) {
		t.Fatal("Lookup")
	}
	if Define() < 1 {
		t.Fatal("Define")
	}
	if ErrorCode("bad") != "BAD_USER_INPUT" {
		t.Fatal("ErrorCode")
	}
	if r, n := Retryable("m"); !r || n != 3 {
		t.Fatal("Retryable")
	}
	if RetryAfter() != 1.5 || Severity() != "role:VIEWER" {
		t.Fatal("ext")
	}
	err := NewError("denied")
	var ge *GQLError
	if !errors.As(err, &ge) || ge.Extensions["code"].(Coded).Code() != "FORBIDDEN" || Wrapped(err) != "denied" {
		t.Fatal("NewError")
	}
	if At(3, 4) != "3:4" {
		t.Fatal("At")
	}
	if _, ok := AtWrong(3); ok {
		t.Fatal("AtWrong")
	}
	if Chain("a") != "a" || ChainLower("A.B") != "a.b" || ChainAll("p") != "p.." {
		t.Fatal("chain", Chain("a"), ChainLower("A.B"), ChainAll("p"))
	}
	if s, n := ChainSpans("p"); s != "p" || n != 1 {
		t.Fatal("ChainSpans")
	}
	if ChainConfigured("p", 0) != "p" || Install("p") != "p" || len(Installed) != 1 {
		t.Fatal("ChainConfigured")
	}
	if ResolveName(u) != "ANN" || ResolveID(u) != "User:42/ann" || LeafText(1, "x") != "1:x" {
		t.Fatal("resolve", ResolveName(u), ResolveID(u))
	}
	if ResolveField(u, "name") != "ann" || ResolveField(u, "nope") != nil || Register() != "x" {
		t.Fatal("ResolveField")
	}
	if !AdminFlag(true) || AdminFlag(false) {
		t.Fatal("AdminFlag")
	}
	if p, n := ResolvedNull("a.b"); p != "a.b" || !n {
		t.Fatal("ResolvedNull")
	}
	if Render(u) != `{id:42,name:"ann"}` || RenderKeyed(u) != "nameannadmintrue" || RenderTyped(u) != "__typename=Userid=2a" {
		t.Fatal("render", Render(u), RenderKeyed(u), RenderTyped(u))
	}
	if RenderSet(u, []Selection{{"x", adminField{}}}) != "true" || RenderSkipping(u, true) != "ann" || RenderSkipping(u, false) != "ann42" {
		t.Fatal("RenderSet")
	}
	if s, n := RenderEdge(u); s != "16ann" || n != 1 {
		t.Fatal("RenderEdge", s, n)
	}
	if RenderRetargeted(u, true) != `"ann"` || RenderRetargeted(u, false) != "ann" {
		t.Fatal("RenderRetargeted")
	}
}
