package report

import "testing"

func TestLength(t *testing.T) {
	if Length("ab", []string{"cd", "e"}) != 5 || Length("", nil) != 0 {
		t.Fatal("the page must start with only the title")
	}
}
