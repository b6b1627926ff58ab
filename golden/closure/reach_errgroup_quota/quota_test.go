package quota

import (
	"context"
	"fmt"
	"testing"
)

func usage(_ context.Context, t string) (int, error) { return len(t) * 10, nil }

func TestBehaviour(t *testing.T) {
	got, err := Over(context.Background(), []string{"ab", "abcd", "abcdef"}, 39, usage)
	if fmt.Sprint(got, err) != "[abcdef>42] <nil>" {
		t.Fatal(got, err)
	}
}

func TestAllocs(t *testing.T) {
	tenants := []string{"a", "b", "c", "d"}
	ctx := context.Background()
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Over(ctx, tenants, 100, usage) }))
}
