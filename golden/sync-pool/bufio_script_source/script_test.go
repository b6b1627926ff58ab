package script

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func write(t *testing.T, name, text string) string {
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoad(t *testing.T) {
	cases := map[string]string{
		"#!/usr/bin/env lua\nprint(1)\nprint(2)\n": "print(1)\nprint(2)\n",
		"print(3)\n":                               "print(3)\n",
		"print(4)":                                 "print(4)",
		"":                                         "",
		"#!/bin/lua":                               "",
	}
	var wg sync.WaitGroup
	for text, want := range cases {
		path := write(t, "s.lua", text)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				if got, err := Load(path); err != nil || got != want {
					t.Errorf("Load(%q) = %q, %v; want %q", text, got, err, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	if _, err := Load(filepath.Join(t.TempDir(), "missing.lua")); err == nil {
		t.Fatal("a missing file loads")
	}
}

func TestAllocsPerRun(t *testing.T) {
	path := write(t, "s.lua", "#!/usr/bin/env lua\nprint(1)\n")
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		Load(path)
	}))
}
