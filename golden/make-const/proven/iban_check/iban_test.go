package iban

import "testing"

func TestBehaviour(t *testing.T) {
	for _, s := range []string{"GB82WEST12345698765432", "DE89370400440532013000", "MT84MALT011000012345MTLCAST001S"} {
		if !Valid(s) {
			t.Fatal("valid IBAN refused:", s)
		}
	}
	for _, s := range []string{"GB82WEST12345698765433", "DE89", "gb82west12345698765432", "MT84MALT011000012345MTLCAST001S00000"} {
		if Valid(s) {
			t.Fatal("invalid IBAN accepted:", s)
		}
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Valid("MT84MALT011000012345MTLCAST001S") }))
}
