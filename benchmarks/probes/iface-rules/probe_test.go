package rules

import (
	"context"
	"errors"
	"testing"
)

var (
	sinkI int
	sinkS string
	sinkB bool
	sinkF float64
	sinkU uint32
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	ctx := &Ctx{User: "ann", Country: "NZ", Age: 30, Tier: 2, Attrs: map[string]any{"plan": "pro"}}
	min := Version{Major: 1, Minor: 2}
	allocs(t, "TierLabel", func() { sinkS = TierLabel("ann", 300) })
	allocs(t, "Eligible", func() { sinkB = Eligible("ann", 300, 300) })
	allocs(t, "VersionGate", func() { sinkB = VersionGate(1, 3, 0, min) })
	allocs(t, "InRollout", func() { sinkB = InRollout("ann", "beta", 50) })
	allocs(t, "CountryOf", func() { sinkS = CountryOf(ctx) })
	allocs(t, "AgeBucket", func() { sinkS = AgeBucket(300) })
	allocs(t, "AtMost", func() { sinkB = AtMost(3, 4) })
	allocs(t, "InRange", func() { sinkB = InRange(3, 1, 4) })
	allocs(t, "Clamp", func() { sinkI = Clamp(3000, 1000, 2000) })
	allocs(t, "CountedApply", func() { sinkB, sinkI = CountedApply(3, 4) })
	allocs(t, "BetaEligible", func() { sinkB = BetaEligible(ctx) })
	allocs(t, "AdultIn", func() { sinkB = AdultIn(ctx, "NZ") })
	allocs(t, "WantOf", func() { sinkS = WantOf("plan", "pro") })
	allocs(t, "MinAge", func() { sinkI = MinAge(300) })
	allocs(t, "Counted", func() { sinkB, sinkI = Counted(ctx) })
	allocs(t, "TierThreshold", func() { sinkI = TierThreshold(3) })
	allocs(t, "MatchPrefix", func() { sinkB = MatchPrefix(ctx, "an", 2) })
	allocs(t, "PrefixLen", func() { sinkI = PrefixLen(3) })
	allocs(t, "TenantOf", func() { sinkS = TenantOf("ann", "acme") })
	allocs(t, "ViewerID", func() { sinkS = ViewerID("ann", "acme") })
	allocs(t, "ValidateCode", func() { sinkI = ValidateCode("r", 400) })
	allocs(t, "MissingName", func() { sinkS = MissingName("plan") })
	allocs(t, "BoolFlag", func() { sinkB = BoolFlag("beta", true) })
	allocs(t, "RolloutPercent", func() { sinkF = RolloutPercent("beta") })
	allocs(t, "BurstOf", func() { sinkI = BurstOf("rate", 100, 300) })
	allocs(t, "Variant", func() { sinkS = Variant("beta", "blue", 300) })
	allocs(t, "Depth", func() { sinkI = Depth(300) })
	allocs(t, "Summary", func() { sinkI, sinkS = Summary(3000, "leaves") })
	allocs(t, "ResultVersion", func() { sinkS = ResultVersion(1, 2) })
	rs := []Ranked{{"a", 1}, {"b", 3}, {"c", 2}}
	allocs(t, "SortByName", func() { SortByName(rs) })
}

func TestBehaviour(t *testing.T) {
	ctx := &Ctx{User: "ann", Country: "NZ", Age: 30, Tier: 2, Attrs: map[string]any{"plan": "pro"}}
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"TierLabel", TierLabel("ann", 3), "ann:3"},
		{"Eligible", Eligible("ann", 20, 2), true},
		{"Eligible minor", Eligible("ann", 17, 2), false},
		{"VersionGate", VersionGate(1, 3, 0, Version{Major: 1, Minor: 2}), true},
		{"VersionGate old", VersionGate(1, 1, 9, Version{Major: 1, Minor: 2}), false},
		{"InRollout all", InRollout("ann", "beta", 100), true},
		{"InRollout none", InRollout("ann", "beta", 0), false},
		{"Describe", Describe(map[string]any{"user": "ann", "age": 3}), "user=ann age=3 "},
		{"WithDefaults", WithDefaults("ann", 0), 1},
		{"CountryOf", CountryOf(ctx), "NZ"},
		{"AgeBucket", AgeBucket(70), "senior"},
		{"SegmentKey", SegmentKey("ann", 2), "user=ann;tier=2;"},
		{"KindOf", KindOf("ann", 2), "int"},
		{"Shared", Shared(2, "min_version"), "2.0.0"},
		{"AtMost", AtMost(4, 4), true},
		{"InRange", InRange(5, 1, 4), false},
		{"ApplyNamed", ApplyNamed("lt", 1, 2), true},
		{"ApplyIndexed", ApplyIndexed(2, 15, 10), true},
		{"Clamp", Clamp(9, 1, 4), 4},
		{"Snapshot", [2]bool{func() bool { a, _ := Snapshot(3, 1, 4); return a }(), func() bool { _, b := Snapshot(3, 1, 4); return b }()}, [2]bool{true, false}},
		{"BetaEligible", BetaEligible(ctx), true},
		{"AdultIn", AdultIn(ctx, "AU"), false},
		{"WantOf", WantOf("plan", "pro"), "plan==pro"},
		{"MinAge", MinAge(21), 21},
		{"Optional", Optional(ctx, ""), true},
		{"Unset", Unset(ctx), false},
		{"Explain", Explain(&And{L: &AttrEq{"plan", "pro"}, R: &Not{N: AgeAtLeast{18}}}), "(plan==pro && !age>=18)"},
		{"TierThreshold", TierThreshold(3), 3},
		{"MatchFold", MatchFold(ctx, "nz"), true},
		{"MatchPrefix", MatchPrefix(ctx, "anx", 2), true},
		{"PrefixLen", PrefixLen(3), 3},
		{"MatchExact", MatchExact(ctx, "ann"), true},
		{"MatchSuffix", MatchSuffix(ctx, "nn", 2), true},
		{"Retarget", Retarget(ctx, "ANN", true), true},
		{"IsAdmin", IsAdmin("ann", true), true},
		{"TenantOf", TenantOf("ann", "acme"), "acme"},
		{"ViewerID", ViewerID("ann", "acme"), "ann"},
		{"CodeOf", CodeOf(Check("")), 400},
		{"ValidateCode", ValidateCode("r", 7), 7},
		{"MissingName", MissingName("plan"), "plan"},
		{"FirstFailure", FirstFailure("r", "a", "") != nil, true},
		{"IsMissing", IsMissing(MissingAttr{"x"}), true},
		{"BoolFlag", BoolFlag("beta", true), true},
		{"RolloutPercent", RolloutPercent("beta"), 0.25},
		{"DefaultOr", DefaultOr("x", "no", 5), 5},
		{"Overridden", Overridden("x", 1, 2), 2},
		{"BurstOf", BurstOf("rate", 1, 3), 3},
		{"Variant", Variant("beta", "blue", 0), "control"},
		{"Depth", Depth(3), 2},
		{"Leaves", Leaves(&And{L: AgeAtLeast{1}, R: &Not{N: AgeAtLeast{2}}}), 2},
		{"ResultVersion", ResultVersion(1, 2), "1.2.0"},
		{"Best", Best(Ranked{"a", 1}, Ranked{"b", 2}), "b"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	ok, n := CountedApply(1, 4)
	if !ok || n != 2 {
		t.Errorf("CountedApply = %v %d", ok, n)
	}
	if got, n := Counted(ctx); !got || n != 2 {
		t.Errorf("Counted = %v %d", got, n)
	}
	if n, s := Summary(3, "x"); n != 3 || s != "x" {
		t.Errorf("Summary = %d %q", n, s)
	}
	if u, ok := UserFrom(WithUser(context.Background(), &User{ID: "x"})); !ok || u.ID != "x" {
		t.Errorf("UserFrom")
	}
	if TierFrom(context.Background(), 3) != 3 {
		t.Errorf("TierFrom")
	}
	if FirstOp(1).Apply(1, 1) != true {
		t.Errorf("FirstOp")
	}
	rs := []Ranked{{"a", 1}, {"c", 3}, {"b", 2}}
	SortRules(rs)
	if rs[0].Name != "c" {
		t.Errorf("SortRules %v", rs)
	}
	SortByName(rs)
	if rs[0].Name != "a" {
		t.Errorf("SortByName %v", rs)
	}
	SortBy(rs, "priority")
	if got := Top(rs, 2); len(got) != 2 || got[0] != "c" {
		t.Errorf("Top %v", got)
	}
	Register("greeting", "hi")
	if s, ok := Lookup("greeting"); !ok || s != "hi" {
		t.Errorf("Lookup")
	}
	if !errors.Is(FirstFailure("r", ""), FirstFailure("r", "")) == false {
		t.Log("distinct errors")
	}
	sinkU = Bucket("ann", "beta")
}
