package hooks

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	order := []string{"build", "test", "ship"}
	if got := strings.Join((&Deploy{}).Run(order, true), ","); got != "build,test,dry run: not shipped" {
		t.Fatal(got)
	}
	if got := strings.Join((&Deploy{}).Run(order, false), ","); got != "build,test,ship" {
		t.Fatal(got)
	}
}
