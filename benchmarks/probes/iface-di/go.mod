module example.com/probe44f

go 1.23
