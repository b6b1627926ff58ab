package resolve

import (
	"errors"
	"fmt"
	"testing"
)

func lookup(server, host string) (string, error) {
	if server == "ns1" && host == "b.example" {
		return "", errors.New("timeout")
	}
	return server + ":" + host, nil
}

func TestBehaviour(t *testing.T) {
	addrs, err := Resolve([]string{"a.example", "b.example", "c.example"}, "ns1", "ns2", lookup)
	if got := fmt.Sprint(addrs, err); got != "[ns1:a.example ns2:b.example ns1:c.example] <nil>" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	hosts := []string{"a.example", "b.example", "c.example", "d.example"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Resolve(hosts, "ns1", "ns2", lookup) }))
}
