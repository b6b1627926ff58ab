module example.com/probe45c

go 1.23
