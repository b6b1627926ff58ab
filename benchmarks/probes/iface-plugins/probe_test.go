package plugins

import (
	"testing"
	"time"
)

var (
	sinkI int
	sinkS string
	sinkB bool
	sinkF float64
	sinkE error
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	f := &Fact{Amount: 120, Country: "NZ", Flagged: true}
	r := &Request{Path: "/a/", Header: map[string]string{"Authorization": "Bearer t"}}
	env := map[string]string{"HOME": "/root"}
	row := []string{"a", "b"}
	args := []string{"1", "2"}
	base := time.Unix(0, 0).UTC()
	allocs(t, "ApplyBuiltin", func() { sinkS = ApplyBuiltin("x") })
	allocs(t, "PrefixWith", func() { sinkS = PrefixWith("x", ">") })
	allocs(t, "PriorityOf", func() { sinkS, sinkI = PriorityOf(">") })
	allocs(t, "EnabledName", func() { sinkS = EnabledName(">") })
	allocs(t, "WeightedName", func() { sinkS, sinkF = WeightedName(">", 2) })
	allocs(t, "Chain", func() { sinkS = Chain("x") })
	allocs(t, "Pick", func() { sinkS, sinkB = Pick("x", false) })
	allocs(t, "RunVersion", func() { sinkS = RunVersion("1.2") })
	allocs(t, "RunEcho", func() { sinkS, sinkE = RunEcho(args) })
	allocs(t, "FlagCount", func() { sinkI = FlagCount() })
	allocs(t, "Completions", func() { sinkI = Completions("-s") })
	allocs(t, "Dispatch", func() { sinkS, sinkE = Dispatch("version", args) })
	allocs(t, "RunAll", func() { sinkS = RunAll(args) })
	allocs(t, "RunAliased", func() { sinkS, sinkE = RunAliased(args, false) })
	allocs(t, "OverLimit", func() { sinkI = OverLimit(f, 100) })
	allocs(t, "ShouldBlock", func() { sinkB = ShouldBlock(f) })
	allocs(t, "Risk", func() { sinkI = Risk(f, 100) })
	allocs(t, "Evaluate", func() { sinkI = Evaluate(f, 100) })
	allocs(t, "FirstScore", func() { sinkI, sinkB = FirstScore(f) })
	allocs(t, "Tighten", func() { sinkB = Tighten(f, 100) })
	allocs(t, "CheckName", func() { sinkE = CheckName("ann") })
	allocs(t, "CheckTitle", func() { sinkE = CheckTitle("t") })
	allocs(t, "CheckAll", func() { sinkE = CheckAll("ann", "admin") })
	allocs(t, "CheckRole", func() { sinkE = CheckRole("admin") })
	allocs(t, "Authorize", func() { sinkB = Authorize(r, "t") })
	allocs(t, "Normalize", func() { sinkS = Normalize(r) })
	allocs(t, "RunChain", func() { sinkB = RunChain(r, "t") })
	allocs(t, "AuditOnce", func() { sinkI = AuditOnce(r) })
	allocs(t, "Run", func() { sinkS = Run("otc") })
	allocs(t, "StartState", func() { sinkS = StartState('o') })
	allocs(t, "IsTerminal", func() { sinkB = IsTerminal() })
	allocs(t, "Step", func() { sinkS, sinkI = Step('o') })
	allocs(t, "Resettable", func() { sinkS, sinkB = Resettable('x') })
	allocs(t, "ExportRow", func() { sinkS = ExportRow(row) })
	allocs(t, "ExportRetries", func() { sinkS, sinkI = ExportRetries(row) })
	allocs(t, "ExportCompressed", func() { sinkS, sinkB = ExportCompressed(row) })
	allocs(t, "Stamp", func() { sinkS = Stamp(base) })
	allocs(t, "Budget", func() { sinkS, sinkI = Budget(row, 100) })
	allocs(t, "Retry", func() { sinkS, sinkI = Retry(row, 9) })
	allocs(t, "WithSep", func() { sinkS = WithSep(row, '/') })
	allocs(t, "LabelOf", func() { sinkS = LabelOf(row) })
	allocs(t, "UploadSize", func() { sinkI = UploadSize("f", 3) })
	allocs(t, "LoginLine", func() { sinkS = LoginLine("ann") })
	allocs(t, "UploadSummary", func() { sinkS = UploadSummary("f", 3) })
	allocs(t, "SizeOf", func() { sinkI, sinkB = SizeOf("file", "f", 3) })
	allocs(t, "LookupEnv", func() { sinkS = LookupEnv(env, "home") })
	allocs(t, "LookupStrict", func() { sinkS, sinkB = LookupStrict("region") })
	allocs(t, "RootValue", func() { sinkS = RootValue("zone") })
	allocs(t, "Layered", func() { sinkS = Layered(env, "home") })
	allocs(t, "DepthOf", func() { sinkS, sinkI = DepthOf("a") })
	allocs(t, "Walk", func() { sinkI = Walk("k") })
}

func TestBehaviour(t *testing.T) {
	f := &Fact{Amount: 120, Country: "NZ", Flagged: true}
	check := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("ApplyBuiltin", ApplyBuiltin("ab"), "AB")
	check("PrefixWith", PrefixWith("x", ">"), ">x")
	s, n := PriorityOf(">")
	check("PriorityOf", s+"/"+string(rune('0'+n)), "prefix/7")
	check("EnabledName", EnabledName(">"), "prefix")
	_, w := WeightedName(">", 3)
	check("WeightedName", w, 1.5)
	check("Load", Load(">"), ">x")
	check("Chain", Chain("x"), ">X")
	s, ok := Pick("x", true)
	check("Pick plain", s+"/"+map[bool]string{true: "t", false: "f"}[ok], "x/f")
	check("RunVersion", RunVersion("1.2"), "1.2")
	out, err := RunEcho(nil)
	check("RunEcho", out+"/"+err.Error(), "/echo: not enough arguments")
	check("FlagCount", FlagCount(), 2)
	check("Completions", Completions("-s"), 1)
	out, _ = Dispatch("echo", []string{"a", "b"})
	check("Dispatch", out, "a b")
	check("RunAll", RunAll([]string{"1"}), "2.1;11")
	check("RunAll none", RunAll(nil), "2.1")
	out, _ = RunRemembered([]string{"4"})
	check("RunRemembered", out, "4")
	out, _ = RunAliased([]string{"1", "2"}, true)
	check("RunAliased", out, "1+2")
	check("OverLimit", OverLimit(f, 100), 5)
	check("ShouldBlock", ShouldBlock(f), true)
	check("Risk", Risk(f, 100), 6)
	check("Evaluate", Evaluate(f, 100), 3)
	n, ok = FirstScore(f)
	check("FirstScore", n, 2)
	check("FirstScore ok", ok, false)
	var e Engine
	check("AddLimit", e.AddLimit(3), true)
	check("Tighten", Tighten(&Fact{Amount: 60}, 100), true)
	check("CheckName", CheckName("").Error(), "name is required")
	check("CheckTitle", CheckTitle("  ").Error(), "title is blank")
	check("CheckAll", CheckAll("ann", "root").Error(), "not allowed")
	check("CheckRole", CheckRole(" ").Error(), "role is blank")
	err, _ = Explain("toolong")
	check("Explain", err.Error(), "too long")
	r := &Request{Path: "/a/", Header: map[string]string{"Authorization": "Bearer t"}}
	check("Authorize", Authorize(r, "u"), false)
	check("Normalize", Normalize(r), "/a")
	check("RunChain", RunChain(r, "t"), true)
	check("AuditOnce", AuditOnce(r), 1)
	check("AuditConcurrently", AuditConcurrently(r), 2)
	check("Run", Run("ot"), "open")
	check("Run closed", Run("oc"), "closed")
	check("StartState", StartState('o'), "open")
	check("IsTerminal", IsTerminal(), true)
	s, n = Step('o')
	check("Step", s+"/"+string(rune('0'+n)), "open/2")
	s, ok = Resettable('x')
	check("Resettable", ok, true)
	var m Machine
	check("Enter", m.Enter('c'), "closed")
	row := []string{"a", "b"}
	check("ExportRow", ExportRow(row), "a,b")
	s, n = ExportRetries(row)
	check("ExportRetries", n, 3)
	s, ok = ExportCompressed(row)
	check("ExportCompressed", s, "a\tb")
	check("ExportCompressed gzip", ok, true)
	check("Stamp", Stamp(time.Unix(0, 0).UTC()), "1970-01-01T00:00:00Z")
	_, n = Budget(row, 100)
	check("Budget", n, 75)
	_, n = Retry(row, 9)
	check("Retry", n, 4)
	check("WithSep", WithSep(row, '/'), "a/b")
	check("LabelOf", LabelOf(row), "csv/2:a,b")
	check("UploadSize", UploadSize("f", 3), 3)
	check("LoginLine", LoginLine("ann"), "login:ann")
	check("UploadSummary", UploadSummary("f", 3), "3/2")
	check("Publish", Publish("f", 3), "&{f 3}")
	check("Retain", Retain("f", 3), 3)
	_, ok = SizeOf("who", "f", 3)
	check("SizeOf who", ok, false)
	check("LookupEnv", LookupEnv(map[string]string{"HOME": "/h"}, "home"), "/h")
	_, ok = LookupStrict("zone")
	check("LookupStrict", ok, false)
	check("RootValue", RootValue("zone"), "a")
	check("Layered", Layered(map[string]string{}, "k"), "default")
	_, n = DepthOf("a")
	check("DepthOf", n, 2)
	check("Walk", Walk("k"), 1)
}
