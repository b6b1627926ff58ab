module example.com/huntassert

go 1.24
