package keys

import (
	"strings"
	"testing"
)

var sink string

func TestKeys(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{UserKey("acme", "u1"), "user:acme:u1"},
		{HostPort("db", "5432"), "db:5432"},
		{BaseURL("https", "example.com"), "https://example.com"},
		{ObjectPath("b", "k"), "/b/k"},
		{APIPath("v1", "users", "7"), "/api/v1/users/7"},
		{Table("public", "users"), `"public"."users"`},
		{SelectByID("users", "id"), "SELECT * FROM users WHERE id = $1"},
		{OrderBy("name", true), "ORDER BY name DESC"},
		{MetricName("app", "http", "requests"), "app_http_requests"},
		{StatsdKey("api", "cpu"), "api.cpu.pct%"},
		{Timer("db.query"), "db.query.duration_ms"},
		{LogLine("GET", "/", "200"), "GET / -> 200"},
		{Prefixed("r1", []byte("hi")), "[r1] hi"},
		{Prefixed("r1", nil), "[r1] "},
		{NotFound("user", "7"), "user 7 not found"},
		{Label("k", "v"), "k=v"},
		{strings.Join(Joined(nil, "a", "b"), ","), "a=b"},
		{LockKey("jobs"), "lock:jobs"},
		{Words("a", "b"), "ab"},
		{Line("PING", "x"), "PING x\n"},
		{RegionKey("eu", "db"), "cfg:region-eu:db"},
		{EnvKey("prod", "db"), "prod/db"},
		{Account{ID: "1", Name: "ann"}.String(), "ann <1>"},
		{(&Counter{}).Numbered("n"), "n-1"},
		{Column("INFO", "up"), "INFO  up"},
		{Literal("a"), `"a"`},
		{Raw([]byte{1}), "payload=[1]"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestAllocs logs each fixable site's allocations per call: the result kept local (as a caller that uses it
// does), and stored where it escapes.
func TestAllocs(t *testing.T) {
	a, b, c := strings.Repeat("a", 5), strings.Repeat("b", 7), strings.Repeat("c", 3)
	raw := []byte("payload")
	acc := &Account{ID: a, Name: b}
	for name, f := range map[string]func(){
		"UserKey":     func() { _ = len(UserKey(a, b)) },
		"HostPort":    func() { _ = len(HostPort(a, b)) },
		"BaseURL":     func() { _ = len(BaseURL(a, b)) },
		"ObjectPath":  func() { _ = len(ObjectPath(a, b)) },
		"APIPath":     func() { _ = len(APIPath(a, b, c)) },
		"Table":       func() { _ = len(Table(a, b)) },
		"SelectByID":  func() { _ = len(SelectByID(a, b)) },
		"OrderBy":     func() { _ = len(OrderBy(a, true)) },
		"MetricName":  func() { _ = len(MetricName(a, b, c)) },
		"StatsdKey":   func() { _ = len(StatsdKey(a, b)) },
		"Timer":       func() { _ = len(Timer(a)) },
		"LogLine":     func() { _ = len(LogLine(a, b, c)) },
		"Prefixed":    func() { _ = len(Prefixed(a, raw)) },
		"NotFound":    func() { _ = len(NotFound(a, b)) },
		"Label":       func() { _ = len(Label(a, b)) },
		"LockKey":     func() { _ = len(LockKey(a)) },
		"Ref":         func() { _ = len(acc.Ref()) },
		"String":      func() { _ = len(acc.String()) },
		"Joined":      func() { _ = Joined(make([]string, 0, 1), a, b) },
		"UserKeySunk": func() { sink = UserKey(a, b) },
		"LabelSunk":   func() { sink = Label(a, b) },
	} {
		t.Logf("%s %v", name, testing.AllocsPerRun(100, f))
	}
}
