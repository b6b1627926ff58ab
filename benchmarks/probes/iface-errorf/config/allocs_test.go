package config

import "testing"

var esink error

func TestMessages(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{CheckLevel("loud"), "config: unknown log level loud"},
		{CheckListen("localhost"), "config: listen address localhost has no port"},
		{CheckRegion("api", ""), "config: api: region is required"},
		{CheckRegion("api", "ap-1"), "config: api: unsupported region ap-1"},
		{(&Config{Name: "api"}).Validate(), "config: api: database url is empty"},
		{Duplicate("db", "url"), "config: [db] url is set twice"},
		{Deprecated("addr", "listen"), "config: addr is deprecated, use listen"},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("got %v, want %q", c.err, c.want)
		}
	}
	if _, _, err := ParseTag("x"); err == nil || err.Error() != "config: tag x is not key=value" {
		t.Error(err)
	}
}

func TestAllocs(t *testing.T) {
	for name, f := range map[string]func(){
		"CheckLevel":  func() { esink = CheckLevel("loud") },
		"CheckListen": func() { esink = CheckListen("localhost") },
		"CheckRegion": func() { esink = CheckRegion("api", "ap-1") },
		"Validate":    func() { esink = (&Config{Name: "api"}).Validate() },
		"ParseTag":    func() { _, _, esink = ParseTag("x") },
		"Duplicate":   func() { esink = Duplicate("db", "url") },
		"Deprecated":  func() { esink = Deprecated("addr", "listen") },
	} {
		t.Logf("%s: %v allocs", name, testing.AllocsPerRun(200, f))
	}
}
