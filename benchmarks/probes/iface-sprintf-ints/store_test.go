package store

import (
	"strconv"
	"testing"
)

var sink string

// inputs span fmt's static boxes (0..255), Itoa's static strings (0..99), larger and negative values.
var inputs = []int{0, 7, 42, 99, 100, 150, 255, 256, 1000, 65535, -1, -300}

func allocs(t *testing.T, name string, f func(n int) string, want func(n int) string) {
	t.Helper()
	for _, n := range inputs {
		if got := f(n); got != want(n) {
			t.Fatalf("%s(%d) = %q, want %q", name, n, got, want(n))
		}
		t.Logf("%s(%d): %v allocs", name, n, testing.AllocsPerRun(100, func() { sink = f(n) }))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestKeysAllocs(t *testing.T) {
	allocs(t, "UserKey", func(n int) string { return UserKey(int64(n)) }, func(n int) string { return "user:" + itoa(n) })
	allocs(t, "ShardKey", func(n int) string { return ShardKey(n, "obj") }, func(n int) string { return "shard-" + itoa(n) + "/obj" })
	allocs(t, "VersionedKey", func(n int) string { return VersionedKey("acct", 3, uint64(n)) },
		func(n int) string { return "acct:v3:" + strconv.FormatUint(uint64(n), 10) })
	allocs(t, "SessionKey", func(n int) string { return SessionKey("t1", n) }, func(n int) string { return "sess:t1:" + itoa(n) })
	allocs(t, "LockKey", func(n int) string { return LockKey(int32(n)) }, func(n int) string { return "lock/partition/" + itoa(n) })
	allocs(t, "Generation", Generation, itoa)
	allocs(t, "Counter", func(n int) string { return Counter(uint64(n)) }, func(n int) string { return strconv.FormatUint(uint64(n), 10) })
	allocs(t, "Offset", func(n int) string { return Offset(int16(n)) }, func(n int) string { return itoa(int(int16(n))) })
	allocs(t, "Pair", func(n int) string { return Pair(n, n) }, func(n int) string { return itoa(n) + " " + itoa(n) })
	allocs(t, "Digits", func(n int) string { return Digits(n, n) }, func(n int) string { return itoa(n) + itoa(n) })
	allocs(t, "Suffixed", func(n int) string { return Suffixed("f", n) }, func(n int) string { return "f" + itoa(n) })
	allocs(t, "SuffixedEmpty", func(n int) string { return Suffixed("", n) }, itoa)
	allocs(t, "Enabled", func(n int) string { return Enabled("x", n > 100) }, func(n int) string { return "x=" + strconv.FormatBool(n > 100) })
	allocs(t, "Flag", func(n int) string { return Flag(n > 100) }, func(n int) string { return strconv.FormatBool(n > 100) })
	allocs(t, "Char", func(n int) string { return Char(rune(n)) }, func(n int) string { return "rune " + itoa(n) })
	allocs(t, "Octet", func(n int) string { return Octet(byte(n)) }, func(n int) string { return "octet=" + itoa(int(byte(n))) })
	allocs(t, "Spaced", func(n int) string { return Spaced("p", n) }, func(n int) string { return "p " + itoa(n) + "\n" })
	allocs(t, "ShardOf", func(n int) string { return ShardOf(uint64(n)) }, func(n int) string { return "shard-" + strconv.FormatUint(uint64(n)%64, 10) })
}

func TestURLsAllocs(t *testing.T) {
	allocs(t, "Endpoint", func(n int) string { return Endpoint("db", n) }, func(n int) string { return "db:" + itoa(n) })
	allocs(t, "PageURL", func(n int) string { return PageURL("/v1", n, 50) }, func(n int) string { return "/v1/items?page=" + itoa(n) + "&size=50" })
	allocs(t, "ObjectURL", func(n int) string { return ObjectURL("b", "k", int64(n)) },
		func(n int) string { return "https://b.s3.internal/k?versionId=" + itoa(n) })
	allocs(t, "AdminURL", func(n int) string { return AdminURL("h") }, func(int) string { return "http://h:9090/debug" })
}

func TestSQLAllocs(t *testing.T) {
	allocs(t, "Limit", func(n int) string { return Limit("q", n, n) }, func(n int) string { return "q LIMIT " + itoa(n) + " OFFSET " + itoa(n) })
	allocs(t, "ByID", func(n int) string { return ByID("t", int64(n)) }, func(n int) string { return "SELECT * FROM t WHERE id = " + itoa(n) })
	allocs(t, "Placeholder", Placeholder, func(n int) string { return "$" + itoa(n) })
	allocs(t, "Batch", func(n int) string { return Batch("t", uint(n)) }, func(n int) string { return "INSERT INTO t /* " + strconv.FormatUint(uint64(uint(n)), 10) + " rows */" })
	allocs(t, "Partition", func(n int) string { return Partition("t", n, n) }, func(n int) string { return "t_y" + itoa(n) + "m" + itoa(n) })
}

func TestLogsAllocs(t *testing.T) {
	allocs(t, "LogLine", func(n int) string {
		r := &Request{"GET", "/", n, int64(n), int64(n), false}
		return r.LogLine()
	}, func(n int) string { return "GET / " + itoa(n) + " " + itoa(n) + " " + itoa(n) + "ms" })
	allocs(t, "CacheNote", func(n int) string { r := &Request{Cached: n > 100}; return r.CacheNote() },
		func(n int) string { return "cached=" + strconv.FormatBool(n > 100) })
	allocs(t, "Metric", func(n int) string { return Metric("m", int64(n)) }, func(n int) string { return "m:" + itoa(n) + "|c" })
	allocs(t, "Summary", func(n int) string { return Summary(n, n, int64(n)) },
		func(n int) string { return "done=" + itoa(n) + " failed=" + itoa(n) + " took=" + itoa(n) + "ms" })
	allocs(t, "Worker", func(n int) string { return Worker("w", n) }, func(n int) string { return "w-" + itoa(n) })
}

func TestFilesAllocs(t *testing.T) {
	allocs(t, "Segment", func(n int) string { return Segment("d", uint64(n)) }, func(n int) string { return "d/segment-" + strconv.FormatUint(uint64(n), 10) + ".log" })
	allocs(t, "Snapshot", func(n int) string { return Snapshot(uint64(n), 1) }, func(n int) string { return "snap-" + strconv.FormatUint(uint64(n), 10) + "-1.db" })
	allocs(t, "Rotated", func(n int) string { return Rotated("app.log", n) }, func(n int) string { return "app.log." + itoa(n) })
	allocs(t, "Part", func(n int) string { return Part{"u", n, int64(n)}.String() }, func(n int) string { return "u#" + itoa(n) + " (" + itoa(n) + " bytes)" })
	allocs(t, "Point", func(n int) string { return Point{n, n}.String() }, func(n int) string { return "(" + itoa(n) + "," + itoa(n) + ")" })
	allocs(t, "Version", func(n int) string { v := &Version{1, n, 0}; return v.String() }, func(n int) string { return "v1." + itoa(n) + ".0" })
}

func TestErrorsAllocs(t *testing.T) {
	allocs(t, "NotFound", func(n int) string { return NotFound("user", int64(n)) }, func(n int) string { return "user " + itoa(n) + " not found" })
	allocs(t, "TooLarge", func(n int) string { return TooLarge(n, 10) }, func(n int) string { return "request of " + itoa(n) + " bytes exceeds 10" })
	allocs(t, "Conflict", func(n int) string { return Conflict("k", uint64(n), 1) },
		func(n int) string {
			return "conflict on k: want version " + strconv.FormatUint(uint64(n), 10) + ", got 1"
		})
	allocs(t, "Invalid", func(n int) string { return Invalid("f", n > 100) }, func(n int) string { return "field f invalid (required=" + strconv.FormatBool(n > 100) + ")" })
	allocs(t, "Expired", func(n int) string { return Expired(int64(n)) }, func(n int) string { return "token expired " + itoa(n) + " seconds ago" })
}

func TestDeclinedPrintTheirOwn(t *testing.T) {
	cases := map[string][2]string{
		"Listen":   {Listen("h", 80), "h:80"},
		"Status":   {Status(404), "status 4xx/404"},
		"Attempt":  {Attempt(3), "attempt 3"},
		"Padded":   {Padded(42), "seg-000042"},
		"Signed":   {Signed(5), "delta=+5"},
		"Hex":      {Hex(255), "id-ff"},
		"Bytes":    {Bytes(5, 'k'), "5k"},
		"Shard":    {Shard("t", 3), "t_03"},
		"Quota":    {Quota("a", 7), "a              7"},
		"Progress": {Progress(1, 4), "1/4 (25%)"},
		"Gauge":    {Gauge("g", 1, 0.5), "g:1|g|@0.5"},
		"Retries":  {Retries(2), "retries=2"},
		"Next":     {Next(), "req-1"},
	}
	for name, c := range cases {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", name, c[0], c[1])
		}
	}
	if got := Labels(2); got[1] != "shard-1" {
		t.Fatal(got)
	}
}
