module gorewrite.local/gotypes

go 1.22
