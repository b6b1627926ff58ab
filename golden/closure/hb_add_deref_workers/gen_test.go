package gen

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	g := &Generator{Package: "model", Workers: 2}
	files, index := g.Generate([]string{"User", "Team", "Role"})
	if !strings.HasSuffix(files[2], "type Role struct{}\n") || index != "Code generated. DO NOT EDIT.: User, Team, Role" {
		t.Fatal(files, index)
	}
}

func TestAllocs(t *testing.T) {
	g := &Generator{Package: "model", Workers: 2}
	names := []string{"User", "Team", "Role"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { g.Generate(names) }))
}
