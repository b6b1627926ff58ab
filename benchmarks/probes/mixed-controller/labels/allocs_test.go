package labels

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestSelectors(t *testing.T) {
	sel, err := Parse("app=web,tier!=db,env in (prod,stage),!legacy")
	if err != nil {
		t.Fatal(err)
	}
	if !sel.Matches(map[string]string{"app": "web", "env": "prod"}) {
		t.Fatal("should match")
	}
	if sel.Matches(map[string]string{"app": "web", "env": "dev"}) {
		t.Fatal("should not match")
	}
	if got := sel.String(); got != "app=web,tier!=db,env in (prod,stage),!legacy" {
		t.Fatal(got)
	}
	lbls := map[string]string{"b": "2", "a": "1"}
	if got := Canonical(lbls); got != "a=1,b=2" {
		t.Fatal(got)
	}
	if !Valid("Web-1") || Valid("-web") || Valid("") {
		t.Fatal("Valid")
	}
	allocs(t, "Canonical", func() { Canonical(lbls) })
	allocs(t, "Valid", func() { Valid("frontend-canary-eu-west-1-deployment-xyz") })
	allocs(t, "String", func() { _ = sel.String() })
}
