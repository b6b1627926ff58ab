module example.com/probe44

go 1.23
