module example.com/hunt

go 1.24
