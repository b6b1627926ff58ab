// Package limits holds the engine's fixed sizes: every table and scratch
// buffer in the index and the query path is bounded by one of these.
package limits

const (
	// MaxTokenLen is the longest token the analyzer keeps; longer ones are cut.
	MaxTokenLen = 64
	// NgramSize is the character n-gram width used for fuzzy matching.
	NgramSize = 3
	// ShingleSize is the number of consecutive tokens in a shingle.
	ShingleSize = 2
	// MaxQueryTerms caps the terms a parsed query keeps.
	MaxQueryTerms = 16
	// MaxShards is the most shards one index is split into.
	MaxShards = 8
	// TopK is the default number of hits a search returns.
	TopK = 10
	// MaxFacetValues caps the distinct values a facet reports.
	MaxFacetValues = 12
	// SnippetWindow is the number of tokens around a hit a snippet shows.
	SnippetWindow = 8
	// BlockSize is the number of postings per encoded block.
	BlockSize = 128
)
