package invoice

import (
	"errors"
	"sync"
)

// MaxReference is the longest ISO 11649 creditor reference body (25 characters less "RF" and two check digits).
const MaxReference = 21

var errRef = errors.New("invoice: bad reference")

// value is the mod-97 digit value of an alphanumeric character, or -1.
func value(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	}
	return -1
}

// expandedLen is how many decimal digits ref expands to for the mod-97 check (letters take two).
func expandedLen(ref string) int {
	n := 0
	for i := 0; i < len(ref); i++ {
		if value(ref[i]) >= 10 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// CreditorReference builds "RFkk<ref>" with ISO 11649 check digits.
func CreditorReference(ref string) (string, error) {
	if len(ref) == 0 || len(ref) > MaxReference {
		return "", errRef
	}
	m := expandedLen(ref)
	digits := make([]byte, 0, m+6)
	for i := 0; i < len(ref); i++ {
		v := value(ref[i])
		if v < 0 {
			return "", errRef
		}
		if v >= 10 {
			digits = append(digits, byte('0'+v/10))
		}
		digits = append(digits, byte('0'+v%10))
	}
	digits = append(digits, '2', '7', '1', '5', '0', '0') // "RF00"
	rem := 0
	for _, d := range digits {
		rem = (rem*10 + int(d-'0')) % 97
	}
	check := 98 - rem
	out := make([]byte, 0, 4+len(ref))
	out = append(out, 'R', 'F', byte('0'+check/10), byte('0'+check%10))
	out = append(out, ref...)
	return string(out), nil
}

// Grouped prints a reference in groups of four, "RF18 5390 0754 7034".
func Grouped(ref string) string {
	n := len(ref)
	if n > MaxReference+4 {
		n = MaxReference + 4
	}
	groups := (n + 3) / 4
	out := make([]byte, 0, n+groups)
	for i := 0; i < n; i++ {
		if i > 0 && i%4 == 0 {
			out = append(out, ' ')
		}
		out = append(out, ref[i])
	}
	return string(out)
}

// Luhn computes the Luhn check digit of a numeric customer number.
func Luhn(num string) (byte, error) {
	n := len(num)
	if n > 19 {
		return 0, errRef
	}
	ds := make([]int, n)
	for i := 0; i < n; i++ {
		c := num[i]
		if c < '0' || c > '9' {
			return 0, errRef
		}
		ds[i] = int(c - '0')
	}
	sum := 0
	for i := n - 1; i >= 0; i-- {
		d := ds[i]
		if (n-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10), nil
}

// Sequencer hands out invoice numbers and prints them in the background.
type Sequencer struct {
	mu   sync.Mutex
	next uint32
	last []byte
}

// Issue takes the next number and keeps its rendering for Last.
func (s *Sequencer) Issue(k Kind, year int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	seq := s.next
	s.next++
	num := Number(k, year, seq)
	buf := make([]byte, len(num))
	copy(buf, num)
	s.last = buf
	return num
}

// Announce renders each reference in a goroutine; the caller resets the reference after starting them.
func Announce(refs []string, out chan<- string) {
	var wg sync.WaitGroup
	for i := range refs {
		ref := refs[i]
		n := len(ref)
		if n > MaxReference {
			n = MaxReference
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := make([]byte, n)
			copy(b, ref)
			out <- string(b)
		}()
	}
	wg.Wait()
}
