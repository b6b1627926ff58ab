package fetch

import (
	"context"
	"errors"
	"testing"
)

func get(ctx context.Context, url string) ([]byte, error) {
	if url == "" {
		return nil, errors.New("empty url")
	}
	return []byte("<" + url + ">"), nil
}

func TestBehaviour(t *testing.T) {
	bodies, err := Fetch(context.Background(), get, []string{"a", "bb"})
	if err != nil || len(bodies) != 2 || string(bodies[0]) != "<a>" || string(bodies[1]) != "<bb>" {
		t.Fatal(bodies, err)
	}
	if _, err := Fetch(context.Background(), get, []string{"a", ""}); err == nil {
		t.Fatal("want the empty url's error")
	}
}

func TestAllocs(t *testing.T) {
	urls := []string{"a", "b", "c"}
	t.Logf("allocs=%v", testing.AllocsPerRun(50, func() { Fetch(context.Background(), get, urls) }))
}
