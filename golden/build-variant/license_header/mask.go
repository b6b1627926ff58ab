// Copyright 2026 The Example Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package license_header masks secrets in log lines.
//
// Tokens keep a short prefix so operators can tell them apart.
package license_header

// Mask keeps the first keep bytes of a token and stars the rest.
func Mask(token string, keep int) string {
	if keep >= 32 {
		return token
	}
	head := make([]byte, keep) // want(<go1.25) "make\\(\\[\\]byte, keep\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, keep\\) does not escape"
	copy(head, token)
	out := string(head)
	for range token[min(keep, len(token)):] {
		out += "*"
	}
	return out
}
