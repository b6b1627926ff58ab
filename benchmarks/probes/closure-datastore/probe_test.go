package datastore

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %.0f allocs", name, testing.AllocsPerRun(50, f))
}

type memStore struct {
	mu      sync.Mutex
	execs   int
	written int
}

func (s *memStore) Exec(ctx context.Context, stmt string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.execs++
	return nil
}

func (s *memStore) Scan(ctx context.Context, table string, from, to int64) ([]Row, error) {
	rows := make([]Row, 0, to-from)
	for id := from; id < to; id++ {
		rows = append(rows, Row{ID: id, Data: " r "})
	}
	return rows, nil
}

func (s *memStore) Write(ctx context.Context, table string, rows []Row) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.written += len(rows)
	return nil
}

type replica struct {
	name string
	mu   sync.Mutex
	seq  uint64
}

func (r *replica) Apply(ctx context.Context, seq uint64, payload []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seq = seq
	return nil
}

func (r *replica) Name() string { return r.name }

func replicas(n int) []Replica {
	rs := make([]Replica, n)
	for i := range rs {
		rs[i] = &replica{name: "r" + strconv.Itoa(i)}
	}
	return rs
}

func echo(ctx context.Context, key string) (string, error) { return key, nil }

func echoBatch(ctx context.Context, keys []string) ([]string, error) { return keys, nil }

func keysN(n int) []string {
	ks := make([]string, n)
	for i := range ks {
		ks[i] = "k" + strconv.Itoa(i)
	}
	return ks
}

func pool() *Pool {
	p := NewPool(PoolConfig{Addr: "db:5432", MinIdle: 3, Dialers: 2, IdleLimit: time.Minute})
	if err := p.Fill("db:5432"); err != nil {
		panic(err)
	}
	return p
}

func TestFill(t *testing.T) {
	p := NewPool(PoolConfig{MinIdle: 3})
	if err := p.Fill("db"); err != nil || len(p.idle) != 3 {
		t.Fatal(err, len(p.idle))
	}
	allocs(t, "Fill", func() { p.idle = p.idle[:0]; p.Fill("db") })
}

func TestGrow(t *testing.T) {
	p := NewPool(PoolConfig{Dialers: 2})
	if got := p.Grow("db", 4); len(got) != 4 || got[0].Addr != "db" {
		t.Fatal(got)
	}
	allocs(t, "Grow", func() { p.Grow("db", 4) })
}

func TestReap(t *testing.T) {
	p := pool()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := p.Reap(now); !strings.HasPrefix(got, "reap! reap before 2025-12-31T23:59:00Z") {
		t.Fatal(got)
	}
	allocs(t, "Reap", func() { p.Reap(now) })
}

func TestHealthCheck(t *testing.T) {
	p := pool()
	if n, addr := p.HealthCheck(context.Background(), "db:5432"); n != 0 || addr != "db:5432 (checked)" {
		t.Fatal(n, addr)
	}
	allocs(t, "HealthCheck", func() { p.HealthCheck(context.Background(), "db:5432") })
}

func TestDrain(t *testing.T) {
	p := pool()
	if got := p.Drain(time.Second); got != "drained" || p.note != "drained" {
		t.Fatal(got, p.note)
	}
}

func TestStartReaper(t *testing.T) {
	p := pool()
	ctx, cancel := context.WithCancel(context.Background())
	retune := p.StartReaper(ctx, time.Hour)
	retune(time.Minute)
	cancel()
}

func cache() *Cache {
	return NewCache(CacheConfig{Shards: 4, Warmers: 2, TTL: time.Minute, Prefix: "user:", MaxBatch: 3}, echo)
}

func TestWarm(t *testing.T) {
	c := cache()
	if err := c.Warm(context.Background(), keysN(5), "p/"); err != nil {
		t.Fatal(err)
	}
	if v, _ := c.Get("k1"); v != "p/k1" {
		t.Fatal(v)
	}
	ks := keysN(5)
	allocs(t, "Warm", func() { c.Warm(context.Background(), ks, "p/") })
}

func TestWarmTiered(t *testing.T) {
	c := cache()
	tier, err := c.WarmTiered(context.Background(), keysN(2), []string{"c1"})
	if v, _ := c.Get("c1"); err != nil || tier != "done" || v != "hot:c1" {
		t.Fatal(tier, err, v)
	}
	hot := keysN(2)
	allocs(t, "WarmTiered", func() { c.WarmTiered(context.Background(), hot, []string{"c1"}) })
}

func TestWarmStriped(t *testing.T) {
	c := cache()
	if got := c.WarmStriped(context.Background(), keysN(7)); got != "user" {
		t.Fatal(got)
	}
	if v, _ := c.Get("k6"); v != "user:k6" {
		t.Fatal(v)
	}
	ks := keysN(7)
	allocs(t, "WarmStriped", func() { c.WarmStriped(context.Background(), ks) })
}

func TestEvict(t *testing.T) {
	c := cache()
	now := time.Now()
	c.put("a", "1", now)
	c.put("b", "2", now.Add(-time.Hour))
	n, at := c.Evict(now)
	if n != 1 || !at.Equal(now.Add(time.Second)) {
		t.Fatal(n, at)
	}
	allocs(t, "Evict", func() { c.Evict(now) })
}

func TestStartEvictor(t *testing.T) {
	c := cache()
	stop := make(chan struct{})
	set := c.StartEvictor(stop, time.Hour)
	set(time.Second)
	close(stop)
}

func TestShardSizes(t *testing.T) {
	c := cache()
	c.put("ab", "1", time.Now())
	c.put("ac", "1", time.Now())
	c.put("b", "1", time.Now())
	title, sizes := c.ShardSizes("a")
	if sum := sizes[0] + sizes[1] + sizes[2] + sizes[3]; title != "A" || sum != 2 {
		t.Fatal(title, sizes)
	}
	allocs(t, "ShardSizes", func() { c.ShardSizes("a") })
}

func TestLoadMany(t *testing.T) {
	l := NewBatchLoader(echoBatch, 2, time.Millisecond)
	vals, label, err := l.LoadMany(context.Background(), keysN(5), "users")
	if err != nil || label != "users loaded" || vals[4] != "k4" {
		t.Fatal(vals, label, err)
	}
	ks := keysN(5)
	allocs(t, "LoadMany", func() { l.LoadMany(context.Background(), ks, "users") })
}

func TestLoadChunks(t *testing.T) {
	l := NewBatchLoader(echoBatch, 2, time.Millisecond)
	vals, errs, label := l.LoadChunks(context.Background(), keysN(5), "users")
	if len(errs) != 3 || label != "done: users" || vals[4] != "k4" {
		t.Fatal(vals, errs, label)
	}
	ks := keysN(5)
	allocs(t, "LoadChunks", func() { l.LoadChunks(context.Background(), ks, "users") })
}

func TestDispatch(t *testing.T) {
	l := NewBatchLoader(echoBatch, 2, time.Second)
	got := make(chan string)
	go func() { v, _ := l.Load("x"); got <- v }()
	for {
		l.mu.Lock()
		n := len(l.pending)
		l.mu.Unlock()
		if n == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	if n := l.Dispatch(context.Background()); n != 1 || <-got != "x" {
		t.Fatal(n)
	}
	allocs(t, "Dispatch", func() { l.Dispatch(context.Background()) })
}

func TestPrimeSorted(t *testing.T) {
	bs := [][]string{{"b", "a"}, {"d", "c"}}
	if !PrimeSorted(bs, false) || bs[0][0] != "a" {
		t.Fatal(bs)
	}
	allocs(t, "PrimeSorted", func() { PrimeSorted(bs, true) })
}

func TestPump(t *testing.T) {
	l := NewBatchLoader(echoBatch, 2, time.Second)
	bs := [][]string{{"a"}, {"b", "c"}}
	if n, tag := l.Pump(context.Background(), bs, 2, "t"); n != 5 || tag != "t/pumped" {
		t.Fatal(n, tag)
	}
	allocs(t, "Pump", func() { l.Pump(context.Background(), bs, 2, "t") })
}

func runner(s *memStore) *Runner {
	return NewRunner(RunnerConfig{Workers: 2, BatchRows: 3, Table: "users"}, s)
}

func TestApplyParallel(t *testing.T) {
	s := &memStore{}
	r := runner(s)
	m := Migration{Version: 2, Up: []string{"ALTER {schema}.a", "ALTER {schema}.b"}}
	if err := r.ApplyParallel(context.Background(), m, "public"); err != nil || s.execs != 2 {
		t.Fatal(err, s.execs)
	}
	allocs(t, "ApplyParallel", func() { r.ApplyParallel(context.Background(), m, "public") })
}

func TestBackfill(t *testing.T) {
	s := &memStore{}
	r := runner(s)
	if table, err := r.Backfill(context.Background(), 0, 10); err != nil || table != "users (backfilled)" || s.written != 10 {
		t.Fatal(table, err, s.written)
	}
	allocs(t, "Backfill", func() { r.Backfill(context.Background(), 0, 10) })
}

func TestBackfillRanges(t *testing.T) {
	s := &memStore{}
	r := runner(s)
	rs := [][2]int64{{0, 4}, {4, 6}}
	if label, err := r.BackfillRanges(context.Background(), rs, "users"); err != nil || label != "verified users" {
		t.Fatal(label, err)
	}
	if _, err := r.BackfillRanges(context.Background(), rs, ""); err == nil {
		t.Fatal("no error for an empty label")
	}
	allocs(t, "BackfillRanges", func() { r.BackfillRanges(context.Background(), rs, "users") })
}

func TestBackfillPool(t *testing.T) {
	s := &memStore{}
	r := runner(s)
	rs := [][2]int64{{0, 4}, {4, 6}, {6, 7}}
	if plan, failed := r.BackfillPool(context.Background(), rs); plan != "plan: 3 ranges done" || failed != 0 || s.written != 7 {
		t.Fatal(plan, failed, s.written)
	}
	allocs(t, "BackfillPool", func() { r.BackfillPool(context.Background(), rs) })
}

func TestVerify(t *testing.T) {
	r := runner(&memStore{})
	if mode, bad := r.Verify(context.Background(), 5, "strict"); mode != "lenient" || bad[0]+bad[1] != 0 {
		t.Fatal(mode, bad)
	}
	allocs(t, "Verify", func() { r.Verify(context.Background(), 5, "strict") })
}

func TestRollback(t *testing.T) {
	r := runner(&memStore{})
	if got := r.Rollback(context.Background(), []string{"DROP x"}, "bad"); got != "rolled back: bad" {
		t.Fatal(got)
	}
}

func TestBroadcast(t *testing.T) {
	r := NewReplicator(ReplicatorConfig{Quorum: 2}, replicas(3))
	if seq, err := r.Broadcast(context.Background(), 7, []byte("x")); err != nil || seq != 8 {
		t.Fatal(seq, err)
	}
	p := []byte("x")
	allocs(t, "Broadcast", func() { r.Broadcast(context.Background(), 7, p) })
}

func TestReplicate(t *testing.T) {
	r := NewReplicator(ReplicatorConfig{Retries: 1}, replicas(3))
	p, err := r.Replicate(context.Background(), 9, []byte("xy"))
	if err != nil || len(p) != 0 || r.lag["r2"] != 7 {
		t.Fatal(p, err, r.lag)
	}
	buf := []byte("xy")
	allocs(t, "Replicate", func() { r.Replicate(context.Background(), 9, buf) })
}

func TestQuorum(t *testing.T) {
	r := NewReplicator(ReplicatorConfig{Quorum: 2}, replicas(3))
	if err := r.Quorum(context.Background(), 1, []byte("x")); err != nil {
		t.Fatal(err)
	}
}

func TestStream(t *testing.T) {
	r := NewReplicator(ReplicatorConfig{}, replicas(2))
	ps := [][]byte{[]byte("a"), []byte("b")}
	if got := r.Stream(context.Background(), ps, "s"); got != "s streamed" {
		t.Fatal(got)
	}
	allocs(t, "Stream", func() { r.Stream(context.Background(), ps, "s") })
}

func TestLag(t *testing.T) {
	r := NewReplicator(ReplicatorConfig{Senders: 2}, replicas(3))
	r.lag["r1"] = 4
	out, unit := r.Lag("ms")
	if unit != "(ms)" || out[1] != "r1=4ms" {
		t.Fatal(out, unit)
	}
	allocs(t, "Lag", func() { r.Lag("ms") })
}

func TestHeartbeat(t *testing.T) {
	r := NewReplicator(ReplicatorConfig{}, replicas(1))
	stop := make(chan struct{})
	set := r.Heartbeat(context.Background(), time.Hour, stop)
	set(nil)
	close(stop)
}

func importer(s *memStore) *Importer {
	return NewImporter(ImportConfig{Workers: 2, ChunkSize: 2, Table: "t", Sep: ","}, s)
}

func TestParseChunks(t *testing.T) {
	im := importer(&memStore{})
	lines := []string{"1,a", "2,b", "x", "4,d", "5,e"}
	rows, errs, sep := im.ParseChunks(lines)
	if sep != `","` || rows[4].Data != "e" || errs[2] == nil {
		t.Fatal(rows, errs, sep)
	}
	allocs(t, "ParseChunks", func() { im.ParseChunks(lines) })
}

func TestImport(t *testing.T) {
	s := &memStore{}
	im := importer(s)
	if table, err := im.Import(context.Background(), strings.NewReader("1,a\n2,b\n3,c\n")); err != nil || table != "imported into t" || s.written != 3 {
		t.Fatal(table, err, s.written)
	}
	allocs(t, "Import", func() { im.Import(context.Background(), strings.NewReader("1,a\n2,b\n3,c\n")) })
}

func TestImportPool(t *testing.T) {
	s := &memStore{}
	im := importer(s)
	rows := []Row{{ID: 1}, {ID: 2}, {ID: 3}}
	got, notes, err := im.ImportPool(context.Background(), rows, "row")
	if err != nil || got != "3 row rows" || len(notes) != 2 || s.written != 3 {
		t.Fatal(got, notes, err)
	}
	allocs(t, "ImportPool", func() { im.ImportPool(context.Background(), rows, "row") })
}

func TestDedupe(t *testing.T) {
	rows := []Row{{ID: 1}, {ID: 2}, {ID: 1}, {ID: 3}}
	label, kept := Dedupe(rows, 2, "ids")
	if label != "ids:2" || kept[0]+kept[1] != 3 {
		t.Fatal(label, kept)
	}
	allocs(t, "Dedupe", func() { Dedupe(rows, 2, "ids") })
}

func TestChecksum(t *testing.T) {
	im := importer(&memStore{})
	rows := []Row{{Data: "a"}, {Data: "b"}, {Data: "c"}}
	sums, algo := im.Checksum(rows, "fnv")
	if algo != "x-fnv" || sums[0] == 0 || sums[1] == 0 {
		t.Fatal(sums, algo)
	}
	allocs(t, "Checksum", func() { im.Checksum(rows, "fnv") })
}
