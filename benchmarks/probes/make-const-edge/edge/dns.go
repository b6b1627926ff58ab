package edge

import (
	"errors"
	"strings"
)

// DNS limits from RFC 1035, section 2.3.4.
const (
	maxLabelLen = 63
	maxNameLen  = 253
)

var (
	errLabel = errors.New("edge: bad DNS label")
	errName  = errors.New("edge: DNS name too long")
)

// EncodeName writes name in wire format (length-prefixed labels, a zero at the end) into dst.
func EncodeName(dst []byte, name string) ([]byte, error) {
	name = strings.TrimSuffix(name, ".")
	if len(name) > maxNameLen {
		return dst, errName
	}
	wire := make([]byte, 0, len(name)+2)
	for name != "" {
		label, rest, _ := strings.Cut(name, ".")
		if label == "" || len(label) > maxLabelLen {
			return dst, errLabel
		}
		wire = append(wire, byte(len(label)))
		wire = append(wire, label...)
		name = rest
	}
	wire = append(wire, 0)
	return append(dst, wire...), nil
}

// LowerLabel folds an ASCII label for case-insensitive comparison (0x20 encoding aside).
func LowerLabel(label string) bool {
	if len(label) > maxLabelLen {
		return false
	}
	low := make([]byte, len(label))
	for i := 0; i < len(label); i++ {
		c := label[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return string(low) == label
}

// EscapeLabel renders a label for a zone file: printable bytes as they are, others as \DDD.
// Every byte may need four characters.
func EscapeLabel(label []byte) string {
	if len(label) > maxLabelLen {
		return ""
	}
	out := make([]byte, 0, 4*len(label))
	for _, c := range label {
		switch {
		case c == '.' || c == '\\' || c == '"':
			out = append(out, '\\', c)
		case c < 0x21 || c > 0x7e:
			out = append(out, '\\', '0'+c/100, '0'+c/10%10, '0'+c%10)
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// LabelOffsets returns where each label of a wire name starts, for compression pointers.
// The name came off the wire; the caller has not checked it.
func LabelOffsets(wire []byte) []int {
	offs := make([]int, 0, len(wire)/2)
	for i := 0; i < len(wire) && wire[i] != 0; i += int(wire[i]) + 1 {
		offs = append(offs, i)
	}
	return offs
}

// CountLabels reports how many labels a presentation-format name has, using a scratch list of dot positions.
func CountLabels(name string) int {
	if len(name) > maxNameLen {
		return -1
	}
	dots := make([]int, 0, len(name)/2+1)
	for i := 0; i < len(name); i++ {
		if name[i] == '.' {
			dots = append(dots, i)
		}
	}
	n := len(dots) + 1
	if strings.HasSuffix(name, ".") {
		n--
	}
	return n
}
