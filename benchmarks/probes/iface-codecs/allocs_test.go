package codecs

import (
	"log/slog"
	"testing"
	"time"
)

var (
	sinkS string
	sinkI int
	sinkB bool
	sinkD time.Duration
	sinkP []byte
	sinkU uint32
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	allocs(t, "UserField", func() { sinkS = UserField(7, "ann") })
	allocs(t, "RedactedPair", func() { sinkS = RedactedPair("token", "hunter2") })
	allocs(t, "TimingLine", func() { sinkS = TimingLine("GET", "/", 3e6) })
	allocs(t, "ActorName", func() { sinkS = ActorName(7, "ann") })
	allocs(t, "ColumnText", func() { sinkS = ColumnText(7, "ann") })
	allocs(t, "LevelTag", func() { sinkS = LevelTag(slog.LevelWarn) })
	allocs(t, "PingFrame", func() { sinkP = PingFrame(1, 2) })
	allocs(t, "FrameSize", func() { sinkI, _ = FrameSize(1) })
	allocs(t, "HelloText", func() { sinkS = HelloText("cli", 2) })
	allocs(t, "RoundTrip", func() { sinkU = RoundTrip(5) })
	allocs(t, "DefaultContentType", func() { sinkS = DefaultContentType() })
	allocs(t, "CodecHeader", func() { sinkS = CodecHeader(true) })
	allocs(t, "MarshalAny", func() { sinkP, _ = MarshalAny(3) })
	allocs(t, "Retryable", func() { sinkB = Retryable("dial", false, true) })
	allocs(t, "IsTimeout", func() { sinkB = IsTimeout("read") })
	allocs(t, "StatusClass", func() { sinkS = StatusClass(503) })
	allocs(t, "Classify", func() { sinkS = Classify("read", true) })
	allocs(t, "PathOf", func() { sinkS = PathOf("/etc/x") })
	allocs(t, "ShouldBackoff", func() { sinkD = ShouldBackoff("dial", 2) })
	allocs(t, "JobAlert", func() { sinkB = JobAlert("sync", true) })
	allocs(t, "ErrorKinds", func() { sinkI = ErrorKinds([]string{"dial", "read", "write!"}) })
	allocs(t, "StartMetrics", func() { sinkB = StartMetrics("app") })
	allocs(t, "StartAll", func() { sinkI = StartAll("app") })
	allocs(t, "ShutdownAudit", func() { _ = ShutdownAudit("/tmp/a") })
	allocs(t, "Describe", func() { sinkS = Describe("/tmp/a") })
	allocs(t, "Capabilities", func() { sinkS = Capabilities(0.5) })
	allocs(t, "HealthReport", func() { sinkS = HealthReport("app") })
}

func TestBehaviour(t *testing.T) {
	check := func(name, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("UserField", UserField(7, "ann"), "user=[id=7 name=ann]")
	check("RedactedPair", RedactedPair("token", "hunter2"), "token=[redacted]")
	check("AuditLine", AuditLine(7, "ann", "login"), "action=login actor=[id=7 name=ann]")
	check("TimingLine", TimingLine("GET", "/x", 3e6), "GET /x 3ms")
	check("ActorName", ActorName(7, "ann"), "ann#7")
	check("ColumnText", ColumnText(7, "ann"), "[id=7 name=ann]")
	check("LevelTag", LevelTag(slog.LevelWarn+1), "[WARN+1]")
	check("Labels", Labels("api", 200, 4e6), "api,200,4ms")
	if b := PingFrame(1, 2); len(b) != 12 || b[3] != 1 || b[11] != 2 {
		t.Errorf("PingFrame = %v", b)
	}
	if n, err := FrameSize(1); n != 20 || err != nil {
		t.Errorf("FrameSize = %d, %v", n, err)
	}
	check("HelloText", HelloText("cli", 2), "rpc.Hello cli/2")
	if got := RoundTrip(5); got != 5 {
		t.Errorf("RoundTrip = %d", got)
	}
	if got := ResetAll(5); got != 2 {
		t.Errorf("ResetAll = %d", got)
	}
	if s, err := EncodeWith("binary", 1); len(s) != 12 || err != nil {
		t.Errorf("EncodeWith = %q, %v", s, err)
	}
	check("DefaultContentType", DefaultContentType(), "application/json")
	check("CodecHeader", CodecHeader(false), "json; application/json; charset=utf-8")
	if b, err := MarshalAny(3); len(b) != 12 || err != nil {
		t.Errorf("MarshalAny = %v, %v", b, err)
	}
	check("JSONLine", JSONLine("c"), "rpc.Hello \"c/1\"\n")
	if !Retryable("dial", false, true) || Retryable("dial", false, false) || !Retryable("dial", true, false) {
		t.Error("Retryable")
	}
	if !IsTimeout("read") {
		t.Error("IsTimeout")
	}
	check("StatusClass", StatusClass(503), "5xx")
	check("Classify", Classify("read", true), "timeout")
	check("Classify", Classify("read", false), "error")
	if StatusOf(404) != 404 {
		t.Error("StatusOf")
	}
	check("PathOf", PathOf("/etc/x"), "/etc/x")
	if ShouldBackoff("dial", 2) != 200*time.Millisecond || ShouldBackoff("dial", 3) != 0 {
		t.Error("ShouldBackoff")
	}
	if !JobAlert("sync", true) || !JobAlert("sync", false) {
		t.Error("JobAlert")
	}
	if ErrorKinds([]string{"dial", "read", "ab"}) != 2 {
		t.Error("ErrorKinds")
	}
	check("Wrapped", Wrapped("dial", 2), "attempt 2: transport: dial failed")
	if !StartMetrics("app") {
		t.Error("StartMetrics")
	}
	if StartAll("app") != 2 {
		t.Error("StartAll")
	}
	if ShutdownAudit("/tmp/a") != nil {
		t.Error("ShutdownAudit")
	}
	check("Describe", Describe("/tmp/a"), "audit log at /tmp/a")
	check("Capabilities", Capabilities(0.5), "trace:")
	if Bootstrap() != 2 {
		t.Error("Bootstrap")
	}
	check("HealthReport", HealthReport("app"), "app: ok")
	check("LogAttrs", LogAttrs(1, "a")[0].Value.String(), "a#1")
	check("ResolveUser", ResolveUser(1), "[id=1 name=svc]")
}
