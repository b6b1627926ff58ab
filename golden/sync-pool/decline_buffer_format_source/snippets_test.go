package snippets

import "testing"

func TestBlankPreviewsStayApart(t *testing.T) {
	first, err := Format([]string{" "})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Format([]string{"\t\t"}); err != nil {
		t.Fatal(err)
	}
	if string(first) != " \n" {
		t.Fatalf("the first preview became %q", first)
	}
}
