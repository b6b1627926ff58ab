package wire

import (
	"strings"
	"sync"
	"testing"
)

const message = "W1\x02host=a.example\nport=443\n"

func TestDecode(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				got, err := Decode(strings.NewReader(message))
				if err != nil || len(got) != 2 || got["host"] != "a.example" || got["port"] != "443" {
					t.Errorf("Decode = %v, %v", got, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if _, err := Decode(strings.NewReader("XX")); err != errMagic {
		t.Fatalf("bad magic: %v", err)
	}
}

func TestAllocsPerRun(t *testing.T) {
	r := strings.NewReader("")
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		r.Reset(message)
		Decode(r)
	}))
}
