package config

import "testing"

func TestBehaviour(t *testing.T) {
	var got Config
	Reload(Config{1, ":80"}, Config{2, ":8080"}, func(c Config) { got = c })
	if got.Version != 2 {
		t.Fatalf("applied %+v, want version 2", got)
	}
}
