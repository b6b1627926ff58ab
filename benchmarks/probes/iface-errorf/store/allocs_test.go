package store

import (
	"errors"
	"testing"
)

var esink error

func TestMessages(t *testing.T) {
	r := NewRepo()
	_ = r.Insert(&User{ID: "1", Email: "a@x", Org: "acme"})
	if _, err := r.Find("2"); err == nil || err.Error() != "user 2 not found" {
		t.Error(err)
	}
	if _, err := r.UserByEmail("b@x"); err == nil || err.Error() != "no user with email b@x" {
		t.Error(err)
	}
	if err := r.Insert(&User{ID: "1"}); err == nil || err.Error() != "users: duplicate key 1" {
		t.Error(err)
	}
	if err := r.Move("1", "acme"); err == nil || err.Error() != "user 1 is already in acme" {
		t.Error(err)
	}
	if err := r.Move("9", "acme"); !errors.Is(err, ErrNotFound) {
		t.Error(err)
	}
	if err := Conflict("users", "1", "w2"); err.Error() != "users/1 is locked by w2" {
		t.Error(err)
	}
}

func TestAllocs(t *testing.T) {
	r := NewRepo()
	_ = r.Insert(&User{ID: "1", Email: "a@x", Org: "acme"})
	u := &User{ID: "1"}
	for name, f := range map[string]func(){
		"Find":        func() { _, esink = r.Find("2") },
		"UserByEmail": func() { _, esink = r.UserByEmail("b@x") },
		"Insert":      func() { esink = r.Insert(u) },
		"Move":        func() { esink = r.Move("1", "acme") },
		"Conflict":    func() { esink = Conflict("users", "1", "w2") },
	} {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(200, f))
	}
}
