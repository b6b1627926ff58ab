// Command logship reads key=value log lines on stdin, renders them in the
// chosen layout and ships them to stdout in batches.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"
	"time"

	"example.com/logship/internal/format"
	"example.com/logship/internal/ship"
)

// stdoutSink writes each batch as a block of lines.
type stdoutSink struct{ mu sync.Mutex }

func (s *stdoutSink) Send(batch []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := fmt.Println(strings.Join(batch, "\n"))
	return err
}

// parse reads "level msg k=v k=v"; it reports false for an empty line.
func parse(line string, now time.Time) (format.Record, bool) {
	f := strings.Fields(line)
	if len(f) < 2 {
		return format.Record{}, false
	}
	r := format.Record{Time: now, Level: f[0], Msg: f[1], Fields: map[string]string{}}
	for _, kv := range f[2:] {
		if k, v, ok := strings.Cut(kv, "="); ok {
			r.Fields[k] = v
		}
	}
	return r, true
}

func main() {
	layout := flag.String("layout", "logfmt", "output layout: logfmt or json")
	workers := flag.Int("workers", 2, "number of shipping workers")
	batch := flag.Int("batch", 50, "lines per batch")
	redact := flag.String("redact", "password,token", "comma-separated fields to mask")
	flag.Parse()

	start := time.Now()
	defer func() {
		log.Printf("logship: done in %s", time.Since(start).Round(time.Millisecond))
	}()

	mask := format.NewRedactor(strings.Split(*redact, ",")...)
	lines := make(chan string, 1024)
	dropped := 0
	go func() {
		// The reader counts unparsable lines; main reads the count after
		// lines is closed.
		defer close(lines)
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			rec, ok := parse(sc.Text(), time.Now())
			if !ok {
				dropped++
				continue
			}
			lines <- format.Line(mask(rec), *layout)
		}
	}()

	st, err := ship.Run(lines, &stdoutSink{}, ship.Config{Workers: *workers, BatchSize: *batch})
	log.Printf("logship: %d lines in %d batches, %d dropped", st.Lines, st.Batches, dropped)
	if err != nil {
		log.Fatal(err)
	}
}
