package dbx

import (
	"context"
	"database/sql/driver"
	"testing"
	"time"
)

var (
	sinkS string
	sinkI int
	sinkB bool
	sinkE error
	sinkV driver.Value
	sinkT time.Time
	sinkD time.Duration
	sinkN int64
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %.0f", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	ctx := context.Background()
	row := MemRow{int64(7), "ann"}
	allocs(t, "RoundTrip", func() { sinkN, sinkE = RoundTrip(42) })
	allocs(t, "ScanTimestamp", func() { sinkT, sinkE = ScanTimestamp("2024-01-02T03:04:05Z") })
	allocs(t, "ColumnText", func() { sinkS = ColumnText(1234) })
	allocs(t, "ScanBalance", func() { _, sinkE = ScanBalance(int64(99)) })
	allocs(t, "ScanPair", func() { sinkN, sinkS, sinkE = ScanPair(row) })
	allocs(t, "ScanTwoStamps", func() { sinkD, sinkE = ScanTwoStamps("2024-01-02T03:04:05Z", "2024-01-02T03:05:05Z") })
	allocs(t, "NullableAge", func() { _, sinkE = NullableAge(int64(30)) })
	allocs(t, "IsRetryable", func() { sinkB = IsRetryable(40001) })
	allocs(t, "Describe", func() { sinkS = Describe(23505, "users") })
	allocs(t, "ConflictReason", func() { sinkS = ConflictReason(23505) })
	allocs(t, "Severity", func() { sinkI = Severity(40001) })
	allocs(t, "PlaceholderList", func() { sinkS = PlaceholderList(3) })
	allocs(t, "LimitClause", func() { sinkS = LimitClause(10) })
	allocs(t, "CountQuery", func() { sinkS = CountQuery("users") })
	allocs(t, "Paged", func() { sinkS = Paged("users", 10) })
	allocs(t, "PreparedInsert", func() { sinkS = PreparedInsert("users", []string{"id", "name"}, false) })
	allocs(t, "ArgValue", func() { sinkV, sinkE = ArgValue(time.Unix(0, 0)) })
	allocs(t, "NamedArgs", func() { sinkS = NamedArgs(1, 250) })
	allocs(t, "DryRun", func() { sinkI, sinkE = DryRun(ctx) })
	allocs(t, "Status", func() { sinkS = Status() })
	allocs(t, "NeedsTx", func() { sinkB = NeedsTx(true) })
	allocs(t, "ApplyOne", func() { sinkS, sinkE = ApplyOne(ctx) })
	allocs(t, "Check", func() { sinkE = Check(false) })
}

func TestBehaviour(t *testing.T) {
	if n, err := RoundTrip(42); n != 42 || err != nil {
		t.Fatal(n, err)
	}
	if got := ColumnText(1234); got != "12.34 (1234)" {
		t.Fatal(got)
	}
	if a, s, err := ScanPair(MemRow{int64(7), "ann"}); a != 7 || s != "ann" || err != nil {
		t.Fatal(a, s, err)
	}
	if d, err := ScanTwoStamps("2024-01-02T03:04:05Z", "2024-01-02T03:05:05Z"); d != time.Minute || err != nil {
		t.Fatal(d, err)
	}
	if a, b, err := ScanEach([]int{1, 0}, MemRow{int64(1), int64(2)}); a != 2 || b != 1 || err != nil {
		t.Fatal(a, b, err)
	}
	if !IsRetryable(40001) || IsRetryable(23505) {
		t.Fatal("retryable")
	}
	if got := ConflictReason(1); got != "users_email_key" {
		t.Fatal(got)
	}
	if Severity(40001) != 1 || Severity(1) != 2 {
		t.Fatal("severity")
	}
	if got := LimitClause(5); got != " OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY" {
		t.Fatal(got)
	}
	if got := Paged("t", 3); got != `SELECT * FROM "t" LIMIT 3` {
		t.Fatal(got)
	}
	if got := PreparedInsert("t", []string{"a"}, true); got != "INSERT INTO [t] ([a]) VALUES (@p1)" {
		t.Fatal(got)
	}
	if got := NamedArgs(1, 250); got != "id=1, balance=250" {
		t.Fatal(got)
	}
	if n, err := DryRun(context.Background()); n != 2 || err != nil {
		t.Fatal(n, err)
	}
	if got := Status(); got != "1 create users\n2 (no description)\n" {
		t.Fatalf("%q", got)
	}
	if NeedsTx(true) || !NeedsTx(false) {
		t.Fatal("needs tx")
	}
	if q, _ := ApplyOne(context.Background()); q == "" {
		t.Fatal("no statement")
	}
	if Check(true) == nil || Check(false) != nil {
		t.Fatal("check")
	}
	if got := Describe(1, "users"); got != "constraint pk" {
		t.Fatal(got)
	}
}
