package format

import (
	"strings"
	"testing"
	"time"
)

var rec = Record{
	Time:   time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC),
	Level:  "info",
	Msg:    "user login",
	Fields: map[string]string{"user": "ada", "token": "s3cret"},
}

func TestLineLayouts(t *testing.T) {
	for _, tc := range []struct{ layout, want string }{
		{"logfmt", `time=2024-05-01T12:00:00Z level=info msg="user login" token=s3cret user=ada`},
		{"json", `{"time":"2024-05-01T12:00:00Z","level":"info","msg":"user login","token":"s3cret","user":"ada"}`},
	} {
		if got := Line(rec, tc.layout); got != tc.want {
			t.Errorf("Line(%s):\n got %s\nwant %s", tc.layout, got, tc.want)
		}
	}
}

func TestRedactorMasksCaseInsensitively(t *testing.T) {
	got := Line(NewRedactor("TOKEN")(rec), "logfmt")
	if !strings.Contains(got, "token=***") || strings.Contains(got, "s3cret") {
		t.Fatalf("token not masked: %s", got)
	}
	if rec.Fields["token"] != "s3cret" {
		t.Fatal("redactor modified its input")
	}
}

func BenchmarkLine(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = Line(rec, "logfmt")
	}
}
