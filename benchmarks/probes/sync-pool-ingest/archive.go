package ingest

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
)

// blockSize is a tar-like archive's header block.
const blockSize = 512

// smallBlock is the 64-byte header of the compact archive format.
const smallBlock = 64

// Member is one archive member's header.
type Member struct {
	Name string
	Size int64
	Mode int64
}

var errHeader = errors.New("ingest: bad archive header")

func parseOctal(b []byte) (int64, error) {
	s := strings.TrimRight(string(bytes.Trim(b, " \x00")), " ")
	if s == "" {
		return 0, nil
	}
	return strconv.ParseInt(s, 8, 64)
}

func parseMember(b []byte) (Member, error) {
	var m Member
	name := b[0:32]
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	m.Name = string(name)
	size, err := parseOctal(b[32:44])
	if err != nil {
		return m, errHeader
	}
	mode, err := parseOctal(b[44:52])
	if err != nil {
		return m, errHeader
	}
	m.Size, m.Mode = size, mode
	return m, nil
}

func skip(r io.Reader, n int64) error {
	_, err := io.CopyN(io.Discard, r, n)
	return err
}

// List walks a compact archive and returns its members' headers.
func List(r io.Reader) ([]Member, error) {
	var members []Member
	for {
		hdr := make([]byte, smallBlock)
		if _, err := io.ReadFull(r, hdr); err != nil {
			if err == io.EOF {
				return members, nil
			}
			return members, err
		}
		if hdr[0] == 0 {
			return members, nil // the end-of-archive block
		}
		m, err := parseMember(hdr)
		if err != nil {
			return members, err
		}
		members = append(members, m)
		if err := skip(r, m.Size); err != nil {
			return members, err
		}
	}
}

// TotalSize walks a tar-like archive of 512-byte header blocks and sums its members' sizes.
func TotalSize(r io.Reader) (int64, error) {
	var total int64
	for {
		blk := make([]byte, blockSize)
		if _, err := io.ReadFull(r, blk); err != nil {
			if err == io.EOF {
				return total, nil
			}
			return total, err
		}
		if blk[0] == 0 {
			return total, nil
		}
		m, err := parseMember(blk)
		if err != nil {
			return total, err
		}
		total += m.Size
		if err := skip(r, (m.Size+blockSize-1)/blockSize*blockSize); err != nil {
			return total, err
		}
	}
}

// Find returns the content of the first member called name, read into a buffer of its size.
func Find(r io.Reader, name string) ([]byte, error) {
	for {
		hdr := make([]byte, smallBlock)
		if _, err := io.ReadFull(r, hdr); err != nil {
			return nil, err
		}
		if hdr[0] == 0 {
			return nil, io.EOF
		}
		m, err := parseMember(hdr)
		if err != nil {
			return nil, err
		}
		if m.Name != name {
			if err := skip(r, m.Size); err != nil {
				return nil, err
			}
			continue
		}
		body := make([]byte, m.Size)
		_, err = io.ReadFull(r, body)
		return body, err
	}
}

// Headers keeps each member's raw header block, for re-writing the archive later.
func Headers(r io.Reader) ([][]byte, error) {
	var blocks [][]byte
	for {
		hdr := make([]byte, smallBlock)
		if _, err := io.ReadFull(r, hdr); err != nil {
			return blocks, err
		}
		if hdr[0] == 0 {
			return blocks, nil
		}
		m, err := parseMember(hdr)
		if err != nil {
			return blocks, err
		}
		blocks = append(blocks, hdr[:52])
		if err := skip(r, m.Size); err != nil {
			return blocks, err
		}
	}
}

// Names lists the member names, each a string copy of its header's bytes.
func Names(r io.Reader) ([]string, error) {
	var names []string
	for {
		hdr := make([]byte, smallBlock)
		if _, err := io.ReadFull(r, hdr); err != nil {
			return names, err
		}
		if hdr[0] == 0 {
			return names, nil
		}
		m, err := parseMember(hdr)
		if err != nil {
			return names, err
		}
		names = append(names, m.Name)
		if err := skip(r, m.Size); err != nil {
			return names, err
		}
	}
}

// SmallFiles reads every member up to 128 bytes into memory and hands it to fn; larger ones are skipped.
func SmallFiles(r io.Reader, fn func(name string, data []byte)) error {
	for {
		hdr := make([]byte, smallBlock)
		if _, err := io.ReadFull(r, hdr); err != nil {
			return err
		}
		if hdr[0] == 0 {
			return nil
		}
		m, err := parseMember(hdr)
		if err != nil {
			return err
		}
		if m.Size > 128 || m.Size < 0 {
			if err := skip(r, m.Size); err != nil {
				return err
			}
			continue
		}
		data := make([]byte, m.Size)
		if _, err := io.ReadFull(r, data); err != nil {
			return err
		}
		fn(m.Name, data)
	}
}
