package payments

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("%s allocs/run: %v", name, testing.AllocsPerRun(50, f))
}

type fakeStore struct{}

func (fakeStore) Balance(ctx context.Context, a string) (int64, error) { return int64(len(a)), nil }
func (fakeStore) Post(ctx context.Context, e Entry) error {
	if e.Amount < 0 && e.Account == "bad" {
		return errors.New("rejected")
	}
	return nil
}

type fakeGateway struct{}

func (fakeGateway) Settle(ctx context.Context, id string, ps []Payment) (string, error) {
	if len(ps) == 0 {
		return "", errors.New("empty batch")
	}
	return "ref-" + id, nil
}
func (fakeGateway) Refund(ctx context.Context, r Refund) (string, error) { return "rf-" + r.PaymentID, nil }

type fakeScorer struct{}

func (fakeScorer) Score(ctx context.Context, p Payment) (int, error) { return int(p.Amount % 100), nil }

type fakeSender struct{}

func (fakeSender) Send(ctx context.Context, url string, body []byte) (int, error) {
	if strings.Contains(url, "down") {
		return 503, nil
	}
	return 200, nil
}

type fakeRates struct{}

func (fakeRates) Rate(ctx context.Context, from, to string) (float64, error) {
	if from == to {
		return 1, nil
	}
	return 2, nil
}

var (
	t0     = time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	shards = []Shard{
		{"s0", []Entry{{"e1", "acct-a", 100, "eur", t0}, {"e2", "acct-b", -40, "usd", t0}}},
		{"s1", []Entry{{"e3", "acct-a", 5, "eur", t0}}},
	}
	pays = []Payment{
		{ID: "p1", Merchant: "m1", Amount: 1250, Currency: "EUR", Card: "c1", Key: "k1"},
		{ID: "p2", Merchant: "m2", Amount: 990, Currency: "EUR", Card: "c2", Key: "k2"},
		{ID: "p3", Merchant: "m1", Amount: 42, Currency: "USD", Card: "c1", Key: "k1"},
	}
	events = []Event{{ID: "ev1", URL: "https://a", Type: "paid"}, {ID: "ev2", URL: "https://b", Type: "paid"}}
)

func TestAllocsReconcile(t *testing.T) {
	exp := map[string]int64{"acct-a": 105, "acct-b": 0}
	allocs(t, "Reconcile", func() { Reconcile(shards, exp, t0.Add(time.Hour)) })
	got, next := Reconcile(shards, exp, t0.Add(time.Hour))
	if len(got) != 1 || got[0].Ledger != -40 || !next.Equal(t0.Add(25*time.Hour)) {
		t.Fatal(got, next)
	}
}

func TestAllocsShardTotals(t *testing.T) {
	allocs(t, "ShardTotals", func() { ShardTotals(shards, "eur") })
	if n, c := ShardTotals(shards, "eur"); n != 105 || c != "EUR" {
		t.Fatal(n, c)
	}
}

func TestAllocsBalances(t *testing.T) {
	ctx := context.Background()
	allocs(t, "Balances", func() { Balances(ctx, fakeStore{}, []string{"a", "bb"}, 2) })
	if b, _ := Balances(ctx, fakeStore{}, []string{"a", "bb"}, 2); b[1] != 2 {
		t.Fatal(b)
	}
}

func TestAllocsPostAll(t *testing.T) {
	ctx := context.Background()
	es := []Entry{{Account: "x", Amount: 1}, {Account: "bad", Amount: -1}}
	allocs(t, "PostAll", func() { PostAll(ctx, fakeStore{}, es, 2) })
	if left := PostAll(ctx, fakeStore{}, es, 2); len(left) != 1 {
		t.Fatal(left)
	}
}

func TestAllocsSettleBatches(t *testing.T) {
	ctx := context.Background()
	allocs(t, "SettleBatches", func() { SettleBatches(ctx, fakeGateway{}, pays, "b", 2) })
	refs, p, err := SettleBatches(ctx, fakeGateway{}, pays, "b", 2)
	if err != nil || refs[1] != "ref-b-001" || p != "b+" {
		t.Fatal(refs, p, err)
	}
}

func TestAllocsSettleGather(t *testing.T) {
	ctx := context.Background()
	allocs(t, "SettleGather", func() { SettleGather(ctx, fakeGateway{}, pays, time.Second) })
	if got := SettleGather(ctx, fakeGateway{}, pays, time.Second); got[0] != "ref-w0" {
		t.Fatal(got)
	}
}

func TestAllocsSettleByMerchant(t *testing.T) {
	ctx := context.Background()
	by := map[string][]Payment{"m1": pays[:1], "m2": pays[1:], "m3": nil}
	allocs(t, "SettleByMerchant", func() { SettleByMerchant(ctx, fakeGateway{}, by, "d1") })
	if got, errs := SettleByMerchant(ctx, fakeGateway{}, by, "d1"); got["m2"] != "ref-d1/m2" || len(errs) != 0 {
		t.Fatal(got, errs)
	}
}

func TestAllocsSettleWithStats(t *testing.T) {
	ctx := context.Background()
	allocs(t, "SettleWithStats", func() { SettleWithStats(ctx, fakeGateway{}, pays, "EUR") })
	if ok, bad := SettleWithStats(ctx, fakeGateway{}, pays, "EUR"); ok != 3 || bad != 0 {
		t.Fatal(ok, bad)
	}
}

func TestSettleUntilFirstError(t *testing.T) {
	err := SettleUntilFirstError(context.Background(), fakeGateway{}, pays, "t")
	if err != nil {
		t.Fatal(err)
	}
}

func TestAllocsScoreAll(t *testing.T) {
	ctx := context.Background()
	by := map[string]Payment{"p1": pays[0], "p2": pays[1], "p3": pays[2]}
	allocs(t, "ScoreAll", func() { ScoreAll(ctx, fakeScorer{}, by, 45) })
	if got, th := ScoreAll(ctx, fakeScorer{}, by, 45); len(got) != 2 || got[0] != "p1" || th != 50 {
		t.Fatal(got, th)
	}
}

func TestAllocsScoreMap(t *testing.T) {
	ctx := context.Background()
	allocs(t, "ScoreMap", func() { ScoreMap(ctx, fakeScorer{}, pays, "m") })
	if got := ScoreMap(ctx, fakeScorer{}, pays, "m"); got["p2"] != 90 || len(got) != 3 {
		t.Fatal(got)
	}
}

func TestAllocsScoreEnsemble(t *testing.T) {
	ctx := context.Background()
	sc := map[string]Scorer{"a": fakeScorer{}, "b": fakeScorer{}, "c": nil}
	allocs(t, "ScoreEnsemble", func() { ScoreEnsemble(ctx, sc, pays[1], time.Second) })
	if best, failed := ScoreEnsemble(ctx, sc, pays[1], time.Second); best != 90 || failed != nil {
		t.Fatal(best, failed)
	}
}

func TestAllocsScoreStream(t *testing.T) {
	ctx := context.Background()
	run := func() map[string]int {
		in := make(chan Payment, len(pays))
		for _, p := range pays {
			in <- p
		}
		close(in)
		m, _ := ScoreStream(ctx, fakeScorer{}, in, 2, 45)
		return m
	}
	allocs(t, "ScoreStream", func() { run() })
	if got := run(); len(got) != 2 {
		t.Fatal(got)
	}
}

func TestAllocsDeliverAll(t *testing.T) {
	ctx := context.Background()
	evs := append(events, Event{ID: "ev3", URL: "https://down", Type: "paid"})
	allocs(t, "DeliverAll", func() { DeliverAll(ctx, fakeSender{}, evs, 2, "s") })
	if errs, s := DeliverAll(ctx, fakeSender{}, evs, 2, "s"); len(errs) != 1 || s != "s'" {
		t.Fatal(errs, s)
	}
}

func TestAllocsDeliverConfigured(t *testing.T) {
	ctx := context.Background()
	raw := []byte(`{"attempts":2,"secret":"x"}`)
	allocs(t, "DeliverConfigured", func() { DeliverConfigured(ctx, fakeSender{}, events, raw) })
	if errs := DeliverConfigured(ctx, fakeSender{}, events, raw); errs[0] != nil {
		t.Fatal(errs)
	}
}

func TestAllocsDeliverLimited(t *testing.T) {
	ctx := context.Background()
	allocs(t, "DeliverLimited", func() { DeliverLimited(ctx, fakeSender{}, events, 1, 2) })
	if f, a := DeliverLimited(ctx, fakeSender{}, events, 1, 2); f != 0 || a != 1 {
		t.Fatal(f, a)
	}
}

func TestAllocsFanOutEndpoints(t *testing.T) {
	ctx := context.Background()
	subs := map[string][]string{"https://a": {"paid"}, "https://b": {"refunded"}, "https://down": {"paid"}}
	allocs(t, "FanOutEndpoints", func() { FanOutEndpoints(ctx, fakeSender{}, events[0], subs, []byte("{}")) })
	if got := FanOutEndpoints(ctx, fakeSender{}, events[0], subs, []byte("{}")); len(got) != 2 {
		t.Fatal(got)
	}
}

func TestAllocsRetryQueue(t *testing.T) {
	ctx := context.Background()
	allocs(t, "RetryQueue", func() { RetryQueue(ctx, fakeSender{}, events, 0) })
	if left := RetryQueue(ctx, fakeSender{}, events, 0); len(left) != 0 {
		t.Fatal(left)
	}
}

func TestAllocsFirstAccepted(t *testing.T) {
	ctx := context.Background()
	urls := []string{"https://down", "https://down2"}
	allocs(t, "FirstAccepted", func() { FirstAccepted(ctx, fakeSender{}, urls, []byte("{}")) })
	if _, err := FirstAccepted(ctx, fakeSender{}, urls, []byte("{}")); err != ErrGiveUp {
		t.Fatal(err)
	}
}

func TestDeliverAsync(t *testing.T) {
	var got []int
	var mu sync.Mutex
	done := make(chan struct{})
	DeliverAsync(context.Background(), fakeSender{}, events, "p", func(n int) { mu.Lock(); got = append(got, n); mu.Unlock(); close(done) })
	<-done
	if got[0] != 2 {
		t.Fatal(got)
	}
}

func TestAllocsClaimBatch(t *testing.T) {
	allocs(t, "ClaimBatch", func() { ClaimBatch(NewKeyStore(time.Hour), pays, "s", t0) })
	fresh, _ := ClaimBatch(NewKeyStore(time.Hour), pays[:2], "s", t0)
	if !fresh[0] || !fresh[1] {
		t.Fatal(fresh)
	}
}

func TestAllocsDedupe(t *testing.T) {
	ps := append(pays, pays[0])
	allocs(t, "Dedupe", func() { Dedupe(ps, "s") })
	if got := Dedupe(ps, "s"); len(got) != 3 {
		t.Fatal(got)
	}
}

func TestAllocsReplayKeys(t *testing.T) {
	log := [][]string{{"a", "b"}, {"c"}}
	allocs(t, "ReplayKeys", func() { ReplayKeys(NewKeyStore(time.Hour), log, t0) })
	if n, _ := ReplayKeys(NewKeyStore(time.Hour), log, t0); n != 3 {
		t.Fatal(n)
	}
}

func TestAllocsWarm(t *testing.T) {
	ctx := context.Background()
	c := NewRateCache(fakeRates{}, time.Hour)
	allocs(t, "Warm", func() { c.Warm(ctx, "eur", []string{"usd", "gbp"}) })
	if f, b := c.Warm(ctx, "eur", []string{"usd"}); f != 0 || b != "EUR" {
		t.Fatal(f, b)
	}
}

func TestAllocsConvertAll(t *testing.T) {
	ctx := context.Background()
	c := NewRateCache(fakeRates{}, time.Hour)
	amounts := map[string]int64{"USD": 10, "EUR": 5}
	allocs(t, "ConvertAll", func() { ConvertAll(ctx, c, amounts, "EUR") })
	if got, err := ConvertAll(ctx, c, amounts, "EUR"); err != nil || got != 25 {
		t.Fatal(got, err)
	}
}

func TestAllocsRefreshStale(t *testing.T) {
	ctx := context.Background()
	pairs := [][2]string{{"EUR", "USD"}, {"USD", "GBP"}}
	allocs(t, "RefreshStale", func() { RefreshStale(ctx, fakeRates{}, pairs, 2) })
	if got := RefreshStale(ctx, fakeRates{}, pairs, 2); len(got) != 2 {
		t.Fatal(got)
	}
}

func TestAllocsCrossRates(t *testing.T) {
	base := map[string]float64{"EUR": 1, "USD": 2}
	order := []string{"EUR", "USD"}
	allocs(t, "CrossRates", func() { CrossRates(base, order, 0) })
	if m := CrossRates(base, order, 0); m[0][1] != 2 {
		t.Fatal(m)
	}
}

func TestAllocsRefundPipeline(t *testing.T) {
	ctx := context.Background()
	rs := []Refund{{"p1", 10, "dup"}, {"p2", 0, "zero"}, {"bad", 5, "x"}}
	allocs(t, "RefundPipeline", func() { RefundPipeline(ctx, fakeGateway{}, fakeStore{}, rs, 2, "r:") })
	if got := RefundPipeline(ctx, fakeGateway{}, fakeStore{}, rs, 2, "r:"); len(got) != 2 {
		t.Fatal(got)
	}
}

func TestAllocsRefundAll(t *testing.T) {
	ctx := context.Background()
	rs := []Refund{{"p1", 10, "dup"}, {"p2", 3, "late"}}
	allocs(t, "RefundAll", func() { RefundAll(ctx, fakeGateway{}, rs, "C1") })
	if got, c := RefundAll(ctx, fakeGateway{}, rs, "C1"); got[1].Refund.Reason != "C1: late" || c != "done:C1" {
		t.Fatal(got, c)
	}
}

func TestRefundWithTimeout(t *testing.T) {
	if err := RefundWithTimeout(context.Background(), fakeGateway{}, []Refund{{"p1", 1, ""}}, "n", time.Second); err != nil {
		t.Fatal(err)
	}
}

func TestAllocsRefundsByPayment(t *testing.T) {
	ctx := context.Background()
	by := map[string][]Refund{"p1": {{"p1", 1, ""}}, "p2": {{"p2", 1, ""}, {"p2", 2, ""}}}
	allocs(t, "RefundsByPayment", func() { RefundsByPayment(ctx, fakeGateway{}, by, false) })
	if got := RefundsByPayment(ctx, fakeGateway{}, by, true); len(got["p2"]) != 2 || got["p2"][0] != "dry-p2" {
		t.Fatal(got)
	}
}

func TestAllocsDailyReport(t *testing.T) {
	by := map[string][]Payment{"m1": {pays[0], pays[2]}, "m2": {pays[1]}}
	fees := map[string]int64{"m2": 100}
	allocs(t, "DailyReport", func() { DailyReport(by, fees, 250) })
	rows, _ := DailyReport(by, fees, 250)
	if rows[0].Fees != 32 || rows[1].Fees != 10 {
		t.Fatal(rows)
	}
}

func TestAllocsWriteReport(t *testing.T) {
	rows := []DailyRow{{"m1", 2, 1292, 32}, {"m2", 1, 990, 10}}
	var b bytes.Buffer
	allocs(t, "WriteReport", func() { b.Reset(); WriteReport(&b, rows, ",") })
	if b.String() != "m1,2,1292,32\nm2,1,990,10\n" {
		t.Fatal(b.String())
	}
}

func TestAllocsHistogram(t *testing.T) {
	by := map[string][]int64{"EUR": {5, 15, 17}, "USD": {1}}
	allocs(t, "Histogram", func() { Histogram(by, 10) })
	if got := Histogram(by, 10); fmt.Sprint(got["EUR"]) != "[1 2]" {
		t.Fatal(got)
	}
}

func TestAllocsMonthlyTotals(t *testing.T) {
	var days [31][]Payment
	days[0], days[4] = pays[:1], pays[1:]
	allocs(t, "MonthlyTotals", func() { MonthlyTotals(days, time.March) })
	if tot, l := MonthlyTotals(days, time.March); tot[4] != 1032 || l != "March" {
		t.Fatal(tot, l)
	}
}

func TestAllocsExportLegacyCopied(t *testing.T) {
	ctx := context.Background()
	bs := [][]Payment{pays[:1], pays[1:]}
	allocs(t, "ExportLegacyCopied", func() { ExportLegacyCopied(ctx, fakeGateway{}, bs, "L") })
	if refs, l := ExportLegacyCopied(ctx, fakeGateway{}, bs, "L"); refs[1] != "ref-L" || l != "exported L" {
		t.Fatal(refs, l)
	}
}
