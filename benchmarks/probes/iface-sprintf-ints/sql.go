package store

import "fmt"

// Limit pages a query.
func Limit(query string, limit, offset int) string {
	return fmt.Sprintf("%s LIMIT %d OFFSET %d", query, limit, offset)
}

// ByID selects a row by its id.
func ByID(table string, id int64) string {
	return fmt.Sprintf("SELECT * FROM %s WHERE id = %d", table, id)
}

// Placeholder is the n-th positional parameter of a Postgres query.
func Placeholder(n int) string { return fmt.Sprintf("$%d", n) }

// Batch is an INSERT of n rows at once.
func Batch(table string, rows uint) string {
	return fmt.Sprintf("INSERT INTO %s /* %d rows */", table, rows)
}

// Shard names a table shard.
func Shard(table string, n uint8) string { return fmt.Sprintf("%s_%02d", table, n) }

// Partition names a monthly partition.
func Partition(table string, year, month int) string {
	return fmt.Sprintf("%s_y%dm%d", table, year, month)
}
