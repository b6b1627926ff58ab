package token

import (
	"crypto/rand"
	"encoding/base32"
)

// Generator makes tokens of one configured length.
type Generator struct {
	size int
	enc  *base32.Encoding
}

// NewGenerator returns a generator of size-byte tokens, 16 to 64.
func NewGenerator(size int) (*Generator, error) {
	if size < 16 || size > 64 {
		return nil, errLen
	}
	return &Generator{size: size, enc: base32.StdEncoding.WithPadding(base32.NoPadding)}, nil
}

// Token returns a new random token.
func (g *Generator) Token() (string, error) {
	raw := make([]byte, g.size)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	return g.enc.EncodeToString(raw), nil
}
