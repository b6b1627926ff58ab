//go:build !audit

package tsv

import "strings"

// Tabs and line breaks inside a field would split it: they become spaces.
var escaper = strings.NewReplacer("\t", " ", "\n", " ")
