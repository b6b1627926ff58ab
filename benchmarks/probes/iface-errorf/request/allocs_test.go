package request

import (
	"net/url"
	"testing"
)

var esink error

func TestMessages(t *testing.T) {
	r := &Request{Method: "post", Path: "/t/a/x", Tenant: "a", Version: "v0"}
	for _, c := range []struct {
		err  error
		want string
	}{
		{CheckContentType("text/plain"), "unsupported content type text/plain"},
		{r.CheckVersion(), "api version v0 is not served (tenant a)"},
		{r.CheckMethod("get"), "method POST not allowed on /t/a/x"},
		{Unknown("users", "nick"), "users: unknown field nick"},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("got %v, want %q", c.err, c.want)
		}
	}
	if _, err := RequireParam(url.Values{}, "id"); err == nil || err.Error() != "missing query parameter id" {
		t.Error(err)
	}
	if _, err := Tenant("/x"); err == nil || err.Error() != "path /x has no tenant prefix" {
		t.Error(err)
	}
}

func TestAllocs(t *testing.T) {
	r := &Request{Method: "post", Path: "/t/a/x", Tenant: "a", Version: "v0"}
	q := url.Values{}
	for name, f := range map[string]func(){
		"RequireParam":     func() { _, esink = RequireParam(q, "id") },
		"CheckContentType": func() { esink = CheckContentType("text/plain") },
		"CheckVersion":     func() { esink = r.CheckVersion() },
		"Tenant":           func() { _, esink = Tenant("/x") },
		"ParseRange":       func() { _, _, esink = ParseRange("bytes=1") },
		"Unknown":          func() { esink = Unknown("users", "nick") },
	} {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(200, f))
	}
}
