package sign

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

func Digest2(key []byte) string {
	m := hmac.New(sha256.New, key)
	return hex.EncodeToString(m.Sum(nil))
}
