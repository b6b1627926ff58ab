package ingest

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"sync"
)

// Message is a decoded socket message: a 12-byte header (type, id, body length) and a body.
type Message struct {
	Type uint32
	ID   uint32
	Body []byte
}

// MaxBody bounds a message body.
const MaxBody = 200

// Serve reads messages from a connection and dispatches each body to handle, which copies what it keeps.
func Serve(conn io.Reader, handle func(typ uint32, body []byte) error) error {
	for {
		hdr := make([]byte, 12)
		if _, err := io.ReadFull(conn, hdr); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		typ := binary.BigEndian.Uint32(hdr[0:4])
		n := binary.BigEndian.Uint32(hdr[8:12])
		if n > MaxBody {
			return fmt.Errorf("message %d: body of %d bytes", binary.BigEndian.Uint32(hdr[4:8]), n)
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(conn, body); err != nil {
			return err
		}
		if err := handle(typ, body); err != nil {
			return err
		}
	}
}

// Pings answers each 8-byte ping with a pong carrying its nonce.
func Pings(rw io.ReadWriter, count int) error {
	for i := 0; i < count; i++ {
		ping := make([]byte, 8)
		if _, err := io.ReadFull(rw, ping); err != nil {
			return err
		}
		pong := make([]byte, 8)
		copy(pong, "PONG")
		copy(pong[4:], ping[4:])
		if _, err := rw.Write(pong); err != nil {
			return err
		}
	}
	return nil
}

// Inbox reads messages and queues them for the application.
func Inbox(conn io.Reader, count int) ([]Message, error) {
	msgs := make([]Message, 0, count)
	for i := 0; i < count; i++ {
		hdr := make([]byte, 12)
		if _, err := io.ReadFull(conn, hdr); err != nil {
			return msgs, err
		}
		n := binary.BigEndian.Uint32(hdr[8:12])
		if n > MaxBody {
			return msgs, ErrFrameTooLarge
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(conn, body); err != nil {
			return msgs, err
		}
		msgs = append(msgs, Message{Type: binary.BigEndian.Uint32(hdr[0:4]), ID: binary.BigEndian.Uint32(hdr[4:8]), Body: body})
	}
	return msgs, nil
}

// Fanout hands each 16-byte event to a worker goroutine and waits for all of them.
func Fanout(r io.Reader, count int, work func([]byte)) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	for i := 0; i < count; i++ {
		ev := make([]byte, 16)
		if _, err := io.ReadFull(r, ev); err != nil {
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(ev)
		}()
	}
	return nil
}

// Later collects a callback per event that reads the event when the batch is flushed.
func Later(r io.Reader, count int) ([]func() uint32, error) {
	var fns []func() uint32
	for i := 0; i < count; i++ {
		ev := make([]byte, 16)
		if _, err := io.ReadFull(r, ev); err != nil {
			return fns, err
		}
		fns = append(fns, func() uint32 { return binary.BigEndian.Uint32(ev) })
	}
	return fns, nil
}

// IDs reads 16-byte events and returns their ids, evaluated by a func literal called in the iteration.
func IDs(r io.Reader, count int) ([]uint32, error) {
	ids := make([]uint32, 0, count)
	for i := 0; i < count; i++ {
		ev := make([]byte, 16)
		if _, err := io.ReadFull(r, ev); err != nil {
			return ids, err
		}
		id := func() uint32 { return binary.BigEndian.Uint32(ev[4:8]) }()
		ids = append(ids, id)
	}
	return ids, nil
}

// SniffTypes reads the 4-byte type of each message through a bufio.Reader into a scratch, then skips the rest.
func SniffTypes(br *bufio.Reader, count int) ([]uint32, error) {
	types := make([]uint32, 0, count)
	for i := 0; i < count; i++ {
		typ := make([]byte, 4)
		if _, err := io.ReadFull(br, typ); err != nil {
			return types, err
		}
		types = append(types, binary.BigEndian.Uint32(typ))
		if _, err := br.Discard(12); err != nil {
			return types, err
		}
	}
	return types, nil
}

// Uploader sends records to a store in batches.
type Uploader struct {
	Dst   io.Writer
	Batch int
}

// Upload reads 32-byte records and writes each, prefixed by its index, through one Buffer per record.
func (u *Uploader) Upload(r io.Reader, count int) error {
	for i := 0; i < count; i++ {
		rec := make([]byte, 32)
		if _, err := io.ReadFull(r, rec); err != nil {
			return err
		}
		var line bytes.Buffer
		fmt.Fprintf(&line, "%d ", i)
		line.Write(rec)
		line.WriteByte('\n')
		if _, err := u.Dst.Write(line.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// UploadRaw copies records to the store, one scratch per record, written as read.
func (u *Uploader) UploadRaw(r io.Reader, count int) (int, error) {
	written := 0
	for i := 0; i < count; i++ {
		rec := make([]byte, 32)
		n, err := io.ReadFull(r, rec)
		if err != nil {
			return written, err
		}
		m, err := u.Dst.Write(rec[:n])
		written += m
		if err != nil {
			return written, err
		}
	}
	return written, nil
}

// Pending holds the records of the current batch until Flush.
type batch struct {
	recs [][]byte
}

// Stage reads records into the pending batch.
func (b *batch) Stage(r io.Reader, count int) error {
	for i := 0; i < count; i++ {
		rec := make([]byte, 32)
		if _, err := io.ReadFull(r, rec); err != nil {
			return err
		}
		b.recs = append(b.recs, rec)
	}
	return nil
}

// Handshakes reads a 10-byte hello from each connection in turn and returns the protocol versions.
func Handshakes(conns []io.Reader) ([]uint16, error) {
	versions := make([]uint16, 0, len(conns))
	for _, c := range conns {
		hello := make([]byte, 10)
		if _, err := io.ReadFull(c, hello); err != nil {
			return versions, err
		}
		if !bytes.Equal(hello[:4], []byte("HELO")) {
			return versions, fmt.Errorf("bad hello %q", hello[:4])
		}
		versions = append(versions, binary.BigEndian.Uint16(hello[4:6]))
	}
	return versions, nil
}
