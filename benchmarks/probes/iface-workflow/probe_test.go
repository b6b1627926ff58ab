package workflow

import (
	"context"
	"testing"
	"time"
)

var (
	sinkI int
	sinkS string
	sinkB bool
	sinkD time.Duration
	sinkF float64
	sinkZ Size
	sinkE error
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	ctx := context.Background()
	allocs(t, "RunTwoSteps", func() { sinkI, sinkE = RunTwoSteps(ctx, 5) })
	allocs(t, "FirstStepName", func() { sinkS = FirstStepName(3) })
	allocs(t, "DefinitionName", func() { sinkS = DefinitionName(3) })
	allocs(t, "StageName", func() { sinkS = StageName(3) })
	allocs(t, "RunStages", func() { sinkI, sinkE = RunStages(ctx, 5) })
	allocs(t, "StageNames", func() { sinkI = StageNames(2, 9) })
	allocs(t, "RunSwapped", func() { sinkI, sinkE = RunSwapped(ctx, 5, false) })
	allocs(t, "TaskTotal", func() { sinkI = TaskTotal(1, 40) })
	allocs(t, "GraphTotal", func() { sinkI = GraphTotal(40) })
	allocs(t, "RunUser", func() { sinkS = RunUser(1, 2) })
	allocs(t, "VarsTotal", func() { sinkI = VarsTotal(40) })
	allocs(t, "DepsTotal", func() { sinkI = DepsTotal(40, 2) })
	allocs(t, "RetargetTotal", func() { sinkI = RetargetTotal(40, 2, false) })
	allocs(t, "NodeTotal", func() { sinkI = NodeTotal("order", 40, 2) })
	allocs(t, "ReceiptAmount", func() { sinkI = ReceiptAmount(40) })
	allocs(t, "OutcomeTotal", func() { sinkI = OutcomeTotal(40, 2) })
	allocs(t, "NextDelay", func() { sinkD = NextDelay(2) })
	allocs(t, "PlannedDelay", func() { sinkD = PlannedDelay(2) })
	allocs(t, "DelayFor", func() { sinkD = DelayFor(2, false) })
	allocs(t, "FocusFirst", func() { sinkB = FocusFirst("x") })
	allocs(t, "ScrollView", func() { sinkI = ScrollView(10, 3) })
	allocs(t, "ContainerScroll", func() { sinkI = ContainerScroll(10, 3) })
	allocs(t, "FocusOrder", func() { sinkI = FocusOrder("name") })
	allocs(t, "FocusReplaced", func() { sinkB = FocusReplaced("x", false) })
	allocs(t, "Constrain", func() { sinkZ = Constrain(50, 2) })
	allocs(t, "BoxOffset", func() { sinkI = BoxOffset(10, 2) })
	allocs(t, "StyleOffset", func() { sinkI = StyleOffset(10, 2) })
	allocs(t, "CenteredOffset", func() { sinkI = CenteredOffset(10) })
	allocs(t, "DispatchClick", func() { sinkB = DispatchClick(1, 2) })
	allocs(t, "DispatchBoth", func() { sinkI = DispatchBoth(1) })
	allocs(t, "DispatchLocal", func() { sinkB = DispatchLocal(1) })
	allocs(t, "DispatchNamed", func() { sinkB = DispatchNamed("click", 1) })
	allocs(t, "Rebind", func() { sinkB = Rebind(1, false) })
	allocs(t, "StepEntity", func() { sinkF = StepEntity(1, 2) })
	allocs(t, "SlotDamaged", func() { sinkB = SlotDamaged(50) })
	allocs(t, "MoveAll", func() { sinkF = MoveAll(1) })
	allocs(t, "SlotAt", func() { sinkB = SlotAt(1, 50) })
	allocs(t, "RunItem", func() { sinkI = RunItem(1) })
	allocs(t, "RunQuit", func() { sinkI = RunQuit(3) })
	allocs(t, "UndoLast", func() { sinkI = UndoLast(4) })
	allocs(t, "DescribeLast", func() { sinkB = DescribeLast(4) })
}

func TestBehaviour(t *testing.T) {
	ctx := context.Background()
	check := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	n, err := RunTwoSteps(ctx, 5)
	check("RunTwoSteps", n, 22)
	check("RunTwoSteps err", err, nil)
	check("FirstStepName", FirstStepName(3), "scale")
	check("DefinitionName", DefinitionName(3), "ingest/offset")
	check("StageName", StageName(3), "scale")
	n, _ = RunStages(ctx, 5)
	check("RunStages", n, 11)
	check("StageNames", StageNames(2, 9), 1)
	check("RegisterPipeline", RegisterPipeline("p", 2), "scale")
	n, _ = RunWithHook(ctx, 2, func(Stage) {})
	check("RunWithHook", n, 8)
	n, _ = RunSwapped(ctx, 5, false)
	check("RunSwapped", n, 10)
	n, _ = RunSwapped(ctx, 5, true)
	check("RunSwapped strict", n, 5)
	check("TaskTotal", TaskTotal(1, 40), 40)
	check("GraphTotal", GraphTotal(40), 40)
	check("RunUser", RunUser(1, 2), "order#2")
	check("VarsTotal", VarsTotal(40), 40)
	check("DepsTotal", DepsTotal(40, 2), 42)
	var s Scheduler
	check("Enqueue", s.Enqueue(3), 3)
	check("RetargetTotal", RetargetTotal(40, 2, false), 40)
	check("RetargetTotal invoice", RetargetTotal(40, 2, true), 2)
	check("NodeTotal", NodeTotal("invoice", 40, 2), 2)
	check("NodeTotal missing", NodeTotal("x", 40, 2), -1)
	check("ReceiptAmount", ReceiptAmount(40), 40)
	check("OutcomeTotal", OutcomeTotal(40, 2), 42)
	called := false
	Future(3, func(Result) { called = true })
	check("Future", called, true)
	var hb Heartbeat
	check("Record", hb.Record(3), 3)
	check("NextDelay", NextDelay(2), 40*time.Millisecond)
	check("NextDelay spent", NextDelay(5), time.Duration(0))
	check("PlannedDelay", PlannedDelay(2), 105*time.Millisecond)
	var w Worker
	check("Configure", w.Configure(2), 4*time.Millisecond)
	check("DelayFor", DelayFor(2, false), 4*time.Second)
	check("DelayFor fast", DelayFor(2, true), 2*time.Millisecond)
	check("FocusFirst", FocusFirst("x"), true)
	check("ScrollView", ScrollView(10, 3), 3)
	check("ScrollView clamp", ScrollView(2, 3), 1)
	check("ContainerScroll", ContainerScroll(10, 3), 3)
	check("FocusOrder", FocusOrder("name"), 1)
	seen := 0
	check("Walk", Walk("go", func(Widget) { seen++ }), 6)
	check("Walk visits", seen, 1)
	var app App
	check("FocusDefault", app.FocusDefault("x"), true)
	check("FocusReplaced", FocusReplaced("x", false), true)
	check("FocusReplaced readonly", FocusReplaced("x", true), false)
	check("Constrain", Constrain(50, 2), Size{W: 30, H: 5})
	check("BoxOffset", BoxOffset(10, 2), 9)
	check("StyleOffset", StyleOffset(10, 2), 8)
	check("CenteredOffset", CenteredOffset(10), 5)
	check("DispatchClick", DispatchClick(1, 2), true)
	check("DispatchClick left", DispatchClick(-1, 2), false)
	check("DispatchBoth", DispatchBoth(1), 2)
	check("DispatchLocal", DispatchLocal(1), true)
	check("DispatchNamed", DispatchNamed("key", 1), true)
	check("DispatchNamed none", DispatchNamed("scroll", 1), false)
	check("Subscribe", Subscribe("o", 1), true)
	check("Rebind", Rebind(1, false), true)
	check("Rebind keyboard", Rebind(1, true), false)
	check("StepEntity", StepEntity(1, 2), 3.0)
	check("SlotDamaged", SlotDamaged(50), true)
	check("SlotDamaged full", SlotDamaged(100), false)
	check("MoveAll", MoveAll(1), 5.0)
	var world World
	check("Spawn", world.Spawn(2), 2.0)
	check("SlotAt", SlotAt(1, 50), true)
	check("SlotAt pos", SlotAt(0, 50), false)
	check("RunItem", RunItem(1), 2)
	check("RunQuit", RunQuit(3), 3)
	check("Remember", Remember(3), 3)
	check("UndoLast", UndoLast(4), 4)
	check("DescribeLast", DescribeLast(4), true)
	var ed Editor
	check("Apply", ed.Apply(4), 5)
}
