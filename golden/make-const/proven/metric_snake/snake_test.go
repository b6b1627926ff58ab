package snake

import (
	"strings"
	"testing"
)

func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func TestBehaviour(t *testing.T) {
	if Hash("httpRequestsTotal") != fnv("http_requests_total") {
		t.Fatal("not snake case")
	}
	if Hash("") != 0 || Hash("9lives") != 0 || Hash(strings.Repeat("a", maxName+1)) != 0 {
		t.Fatal("an illegal name hashed")
	}
	upper := strings.Repeat("A", maxName)
	if Hash(upper) != fnv("a"+strings.Repeat("_a", maxName-1)) {
		t.Fatal("the longest name")
	}
}

func TestAllocs(t *testing.T) {
	name := "grpcServerHandledTotalByMethodAndCodeForTheWholeFleetOfFrontends"
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Hash(name) }))
}
