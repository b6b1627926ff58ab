package datastore

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// ImportConfig sizes an Importer.
type ImportConfig struct {
	Workers   int
	ChunkSize int
	Table     string
	Sep       string
}

// Importer loads delimited records into a Store.
type Importer struct {
	cfg   ImportConfig
	store Store
}

// NewImporter makes an importer.
func NewImporter(cfg ImportConfig, store Store) *Importer { return &Importer{cfg: cfg, store: store} }

func parseLine(line, sep string) (Row, error) {
	id, data, ok := strings.Cut(line, sep)
	if !ok {
		return Row{}, errors.New("datastore: bad record " + strconv.Quote(line))
	}
	n, err := strconv.ParseInt(id, 10, 64)
	return Row{ID: n, Data: data}, err
}

// ParseChunks parses lines in chunks of cfg.ChunkSize, one goroutine a
// chunk, counted by the ceiling of the chunk count; the separator is
// normalised afterwards for the report.
func (im *Importer) ParseChunks(lines []string) ([]Row, []error, string) {
	sep := im.cfg.Sep
	size := im.cfg.ChunkSize
	rows := make([]Row, len(lines))
	errs := make([]error, len(lines))
	var wg sync.WaitGroup
	wg.Add((len(lines) + size - 1) / size)
	for start := 0; start < len(lines); start += size {
		go func() {
			defer wg.Done()
			end := min(start+size, len(lines))
			for i := start; i < end; i++ {
				rows[i], errs[i] = parseLine(lines[i], sep)
			}
		}()
	}
	wg.Wait()
	sep = strconv.Quote(sep)
	return rows, errs, sep
}

// Import reads records from src and writes them in chunks through an
// errgroup with cfg.Workers at a time; the table name is rewritten after.
func (im *Importer) Import(ctx context.Context, src io.Reader) (string, error) {
	table := im.cfg.Table
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(im.cfg.Workers)
	sc := bufio.NewScanner(src)
	var chunk []Row
	for sc.Scan() {
		row, err := parseLine(sc.Text(), im.cfg.Sep)
		if err != nil {
			continue
		}
		chunk = append(chunk, row)
		if len(chunk) == im.cfg.ChunkSize {
			rows := chunk
			g.Go(func() error { return im.store.Write(ctx, table, rows) })
			chunk = nil
		}
	}
	if len(chunk) > 0 {
		g.Go(func() error { return im.store.Write(ctx, table, chunk) })
	}
	err := g.Wait()
	table = "imported into " + table
	return table, errors.Join(err, sc.Err())
}

// importWorker writes the chunks it receives.
func importWorker(ctx context.Context, wg *sync.WaitGroup, im *Importer, chunks <-chan []Row, errs chan<- error) {
	defer wg.Done()
	for c := range chunks {
		if err := im.store.Write(ctx, im.cfg.Table, c); err != nil {
			errs <- err
		}
	}
}

// ImportPool splits rows into chunks fed to cfg.Workers named workers; a
// summary goroutine counts rows per chunk under the given unit, which is
// pluralised once everything is written.
func (im *Importer) ImportPool(ctx context.Context, rows []Row, unit string) (string, []string, error) {
	chunks := make(chan []Row)
	errs := make(chan error, len(rows))
	var wg sync.WaitGroup
	wg.Add(im.cfg.Workers)
	for i := 0; i < im.cfg.Workers; i++ {
		go importWorker(ctx, &wg, im, chunks, errs)
	}
	notes := make([]string, 0, len(rows)/max(im.cfg.ChunkSize, 1)+1)
	for lo := 0; lo < len(rows); lo += im.cfg.ChunkSize {
		hi := min(lo+im.cfg.ChunkSize, len(rows))
		chunks <- rows[lo:hi]
		notes = append(notes, strconv.Itoa(hi-lo)+" "+unit)
	}
	close(chunks)
	var summary string
	wg.Add(1)
	go func() {
		defer wg.Done()
		summary = strconv.Itoa(len(rows)) + " " + unit
	}()
	wg.Wait()
	unit += "s"
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return summary + " " + unit, notes, errors.Join(all...)
}

// Dedupe drops duplicate IDs per shard in parallel over a fixed number of
// shards; the kept count's label is rewritten afterwards.
func Dedupe(rows []Row, shards int, label string) (string, []int) {
	kept := make([]int, shards)
	var wg sync.WaitGroup
	for s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := map[int64]bool{}
			for _, r := range rows {
				if int(r.ID%int64(shards)) != s || seen[r.ID] {
					continue
				}
				seen[r.ID] = true
				if label != "" {
					kept[s]++
				}
			}
		}()
	}
	wg.Wait()
	label = label + ":" + strconv.Itoa(shards)
	return label, kept
}

// Checksum sums each chunk of rows in parallel, with as many goroutines as
// configured workers taking chunks by index; the algorithm name is
// rewritten afterwards.
func (im *Importer) Checksum(rows []Row, algo string) ([]uint64, string) {
	sums := make([]uint64, im.cfg.Workers)
	var wg sync.WaitGroup
	for w := 0; w < im.cfg.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(rows); i += im.cfg.Workers {
				h := uint64(len(algo))
				for _, b := range []byte(rows[i].Data) {
					h = h*31 + uint64(b)
				}
				sums[w] += h
			}
		}()
	}
	wg.Wait()
	algo = "x-" + algo
	return sums, algo
}
