package handle

import (
	"errors"
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var got []string
	serve := func(r string) error {
		if r == "bad" {
			return errors.New("boom")
		}
		return nil
	}
	Batch([]string{"ok", "bad"}, serve, func(r string, s int) { got = append(got, fmt.Sprint(r, s)) })
	if s := fmt.Sprint(got); s != "[bad500 ok200]" {
		t.Fatal(s)
	}
}
