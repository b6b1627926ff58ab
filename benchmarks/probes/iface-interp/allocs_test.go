package interp

import (
	"testing"
	"time"
)

var (
	sinkS string
	sinkI int
	sinkB bool
	sinkF float64
	sinkD time.Duration
	sinkE error
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	allocs(t, "FoldAdd", func() { sinkI, sinkB = FoldAdd(2, 3) })
	allocs(t, "DescribeLiteral", func() { sinkS = DescribeLiteral(7) })
	allocs(t, "IdentKind", func() { sinkS = IdentKind("x") })
	allocs(t, "Unparen", func() { sinkI = Unparen(4) })
	allocs(t, "OperandPositions", func() { sinkI = OperandPositions(1, 2) })
	allocs(t, "BinaryText", func() { sinkS = BinaryText(1, "y") })
	allocs(t, "EvalSum", func() { sinkF = EvalSum(300, 400) })
	allocs(t, "AddValues", func() { sinkS = AddValues(300, 400) })
	allocs(t, "ListLen", func() { sinkI = ListLen(1, 2, 3) })
	allocs(t, "BuiltinLen", func() { sinkI = BuiltinLen(1, 2, 3) })
	allocs(t, "MeanOf", func() { sinkF = MeanOf(300, 1, 2) })
	allocs(t, "ChoosePlan", func() { sinkS = ChoosePlan("t", 1000, 0.001) })
	allocs(t, "ExplainIndex", func() { sinkS = ExplainIndex("t", 1000) })
	allocs(t, "JoinCost", func() { sinkF = JoinCost(10, 20) })
	allocs(t, "FilterRows", func() { sinkI = FilterRows(1000, 10, 20) })
	allocs(t, "Explain", func() { sinkS = Explain("t", 5) })
	allocs(t, "Overheat", func() { sinkI = Overheat(Fact{Name: "temp", Value: 10}) })
	allocs(t, "FireAll", func() { sinkI = FireAll(Fact{Name: "temp", Value: 50}) })
	allocs(t, "Salience", func() { sinkI = Salience(3) })
	allocs(t, "AnyMatch", func() { sinkB = AnyMatch(Fact{Name: "temp", Value: 50}) })
	allocs(t, "Accepts", func() { sinkB = Accepts(3) })
	allocs(t, "DoorAfter", func() { sinkS = DoorAfter('c') })
	allocs(t, "HandshakeDone", func() { sinkS = HandshakeDone(0) })
	allocs(t, "Phase", func() { sinkS = Phase('x') })
	allocs(t, "RenderGreeting", func() { sinkS = RenderGreeting("a", "b", 0) })
	allocs(t, "Signature", func() { sinkS = Signature("a", "b") })
	allocs(t, "RenderLine", func() { sinkS = RenderLine("bo") })
	allocs(t, "Pipe", func() { sinkS = Pipe("ab") })
	allocs(t, "Title", func() { sinkS = Title("a", "b") })
	allocs(t, "ParseFlags", func() { sinkB, sinkI, sinkE = ParseFlags(nil) })
	allocs(t, "SetTimeout", func() { sinkD, sinkE = SetTimeout("1s") })
	allocs(t, "SetLevel", func() { sinkI, sinkE = SetLevel("info") })
	allocs(t, "Positional", func() { sinkS = Positional("n", 3) })
	allocs(t, "Usage", func() { sinkS = Usage("t", 0) })
}

func TestBehaviour(t *testing.T) {
	check := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	s, ok := FoldAdd(2, 3)
	check("FoldAdd", s, 5)
	check("FoldAdd ok", ok, true)
	check("DescribeLiteral", DescribeLiteral(7), "expr 7")
	check("IdentKind", IdentKind("x"), "ident x")
	l, r := Num{V: 1}, Ident{Name: "a"}
	check("CountLeaves", CountLeaves(&Binary{L: &l, R: &Paren{X: &r}}), 2)
	check("Unparen", Unparen(4), 4)
	check("OperandPositions", OperandPositions(1, 2), 408)
	check("BinaryText", BinaryText(1, "y"), "1 - y")
	check("Remember", Remember(3), 3)
	check("EvalSum", EvalSum(300, 400), 700.0)
	check("AddValues", AddValues(300, 400), "int:700")
	check("ListLen", ListLen(1, 2, 3), 3)
	check("BuiltinLen", BuiltinLen(1, 2), 2)
	check("RunStack", RunStack(3, 4), int64(7))
	check("KindOf", KindOf(1), "list/1")
	check("MeanOf", MeanOf(6, 1, 2), 3.0)
	check("ChoosePlan", ChoosePlan("t", 1000, 0.001), "index scan on t using t_pkey")
	check("ChoosePlan seq", ChoosePlan("t", 2, 0.5), "seq scan on t")
	check("ExplainIndex", ExplainIndex("t", 1000), "index scan on t using t_pkey")
	check("JoinCost", JoinCost(100, 20), 121.0)
	check("FilterRows", FilterRows(1000, 10, 20), 10)
	check("Explain", Explain("t", 5), "seq scan on t (rows=5)")
	check("CachedPlan", CachedPlan("t", 100), 5.5)
	check("Overheat", Overheat(Fact{Name: "temp", Value: 90}), 2)
	check("FireAll", FireAll(Fact{Name: "temp", Value: 1}), 1)
	check("Salience", Salience(3), 3)
	check("AnyMatch", AnyMatch(Fact{Name: "temp", Value: 50}), false)
	check("Register", Register(&ruleSet{}, 1), true)
	check("Lex", Lex("123"), "number")
	check("Lex err", Lex("1a"), "err")
	check("Accepts", Accepts(3), true)
	check("DoorAfter", DoorAfter('o'), "front:open")
	check("HandshakeDone", HandshakeDone(0), "num")
	check("Phase", Phase('1'), "num")
	check("Cycle", Cycle(4), "green:closed")
	check("RenderGreeting", RenderGreeting("a", "b", 2), "Hello, a b (2 unread)")
	check("Signature", Signature("<a", "b"), "-- &lt;a b")
	check("RenderLine", RenderLine("bo"), "hi bo")
	check("Pipe", Pipe(" ab "), "AB")
	check("Title", Title("a", "b"), "# a b")
	check("RegisterPartial", RegisterPartial("a"), "a ")
	v, n, err := ParseFlags([]string{"-v", "-n=4"})
	check("ParseFlags", v && n == 4 && err == nil, true)
	d, _ := SetTimeout("2s")
	check("SetTimeout", d, 2*time.Second)
	lv, _ := SetLevel("info")
	check("SetLevel", lv, 1)
	_, err = SetLevel("loud")
	check("SetLevel err", err != nil, true)
	check("Positional", Positional("n", 3), "n=6")
	_, p := Parse(8080)
	check("Parse", p, 8080)
	check("Usage", Usage("t", time.Second), "-t (default 1s)")
}
