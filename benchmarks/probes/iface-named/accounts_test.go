package accounts

import (
	"bytes"
	"testing"
	"time"

	"example.com/probes/iface-named/ids"
)

var sink string

// Inputs live in variables, as a request's values would: constants box as static data.
var (
	user    UserID       = 4242
	tenant  ids.TenantID = 90000
	shard   ids.Shard    = 512
	region  ids.Region   = "eu-west-1"
	port    Port         = 5432
	code    Code         = 503
	status  Status       = "suspended"
	on      Flag         = true
	beta    ids.Beta     = true
	sev     Severity     = 2
	level   Level        = 1
	slotNum Slot         = 3
	wait                 = 1500 * time.Millisecond
)

func check(t *testing.T, name string, f func() string, want string) {
	t.Helper()
	if got := f(); got != want {
		t.Fatalf("%s = %q, want %q", name, got, want)
	}
	t.Logf("%s: %v allocs", name, testing.AllocsPerRun(100, func() { sink = f() }))
}

func TestAllocs(t *testing.T) {
	s := &Session{User: 4242, Role: Admin, Port: 8443, Status: "active", Admin: true}
	check(t, "UserKey", func() string { return UserKey(user) }, "user:4242")
	check(t, "TenantKey", func() string { return TenantKey(-tenant) }, "tenant:-90000")
	check(t, "MemberKey", func() string { return MemberKey(tenant, user) }, "tenant:90000:user:4242")
	check(t, "ShardKey", func() string { return ShardKey(shard) }, "lock/shard/512")
	check(t, "RegionKey", func() string { return RegionKey(region, "users") }, "eu-west-1/users")
	check(t, "StatusKey", func() string { return StatusKey(status, user) }, "by-status:suspended:4242")
	check(t, "SessionKey", func() string { return SessionKey(s) }, "sess:4242:8443")
	check(t, "Label", func() string { return Label("ann", user) }, "ann#4242")
	check(t, "RoleKey", func() string { return RoleKey(Admin, user) }, "perm:2:4242")
	check(t, "RoleName", func() string { return RoleName(Editor) }, "role=editor")
	check(t, "TierLabel", func() string { return TierLabel(ids.Pro) }, "tier=pro")
	check(t, "TierKey", func() string { return TierKey(ids.Enterprise) }, "quota:2")
	check(t, "Listen", func() string { return Listen("db.internal", port) }, "db.internal:5432")
	check(t, "Addr", func() string { return Addr("db.internal", port) }, "db.internal:5432")
	check(t, "CodeText", func() string { return CodeText(code, "Service Unavailable") }, "503 Service Unavailable")
	check(t, "CodeError", func() string { return CodeError(code).Error() }, "upstream returned 503")
	check(t, "Timeout", func() string { return Timeout(wait) }, "timeout_ns=1500000000")
	check(t, "Elapsed", func() string { return Elapsed(wait) }, "took 1.5s")
	check(t, "Mode", func() string { return Mode(0o755) }, "mode -rwxr-xr-x")
	check(t, "Perm", func() string { return Perm(0o755) }, "perm=493")
	check(t, "Denied", func() string { return Denied("quota") }, "denied: reason: quota")
	check(t, "DeniedText", func() string { return DeniedText("quota") }, "denied: reason: quota")
	check(t, "FlagLine", func() string { return FlagLine("dark_mode", on) }, "dark_mode=true")
	check(t, "FlagValue", func() string { return FlagValue("dark_mode", !on) }, "dark_mode=false")
	check(t, "BetaLine", func() string { return BetaLine(tenant, beta) }, "tenant 90000 beta=true")
	check(t, "AdminLine", func() string { return AdminLine(*s) }, "user 4242 admin=true")
	check(t, "StatusLine", func() string { return StatusLine(status) }, "status: suspended")
	check(t, "StatusOf", func() string { return StatusOf(s) }, "status active")
	check(t, "IncidentLevel", func() string { return IncidentLevel(sev) }, "sev2")
	check(t, "LogPrefix", func() string { return LogPrefix(level) }, "[info]")
	check(t, "LogLevel", func() string { return LogLevel(level) }, "level=1")
	check(t, "Amount", func() string { return Amount(1999) }, "total 19.99")
	check(t, "AmountValue", func() string { return AmountValue(1999) }, "total 19.99")
	slot := Slot(3)
	check(t, "SlotName", func() string { return SlotName(&slot) }, "booked slot#3")
	check(t, "SlotNumber", func() string { return SlotNumber(slotNum) }, "booked 3")
	check(t, "Where", func() string { return Where(Point{1, 2}) }, "at {1 2}")
	check(t, "RegionLine", func() string { return RegionLine(region) }, "region eu-west-1\n")
	var b bytes.Buffer
	check(t, "WriteSession", func() string { b.Reset(); WriteSession(&b, s, "ann"); return b.String() }, "ann (user 4242) status=active\n")
	check(t, "WritePort", func() string { b.Reset(); WritePort(&b, "db", port); return b.String() }, "listen db:5432\n")
	check(t, "WriteRole", func() string { b.Reset(); WriteRole(&b, "ann", Viewer); return b.String() }, "ann is viewer\n")
}
