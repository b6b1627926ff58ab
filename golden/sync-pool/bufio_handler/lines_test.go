package lines

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestNumbered(t *testing.T) {
	for i := 0; i < 3; i++ {
		rec := httptest.NewRecorder()
		Numbered(2)(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		if got := rec.Body.String(); got != "  1  line 1\n  2  line 2\n" {
			t.Fatalf("body = %q", got)
		}
	}
}

func TestTable(t *testing.T) {
	for i := 0; i < 3; i++ {
		rec := httptest.NewRecorder()
		Table(map[string]int{"beta": 12, "alpha": 3})(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		if got := rec.Body.String(); got != "alpha  3\nbeta   12\n" {
			t.Fatalf("body = %q", got)
		}
	}
}
