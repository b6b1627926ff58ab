package defaults

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	signed := map[string]string{}
	for i := range maxSigned {
		signed[fmt.Sprintf("h%02d", i)] = "v"
	}
	got, err := Names(signed)
	if err != nil || len(got) != 16*4+len("host;x-date") {
		t.Fatalf("Names = %q, %v", got, err)
	}
}
