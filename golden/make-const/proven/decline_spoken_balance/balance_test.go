package balance

import "testing"

// TestBehaviour: a debt of 16 digits takes 17 words, more than a credit's 10.
func TestBehaviour(t *testing.T) {
	if Prompt(maxBalance+1) != 0 || Prompt(maxBalance) == 0 || Prompt(-1_000_000_000_000_000) == 0 {
		t.Fatal("balances read wrong")
	}
}
