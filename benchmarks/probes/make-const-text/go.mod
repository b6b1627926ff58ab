module example.com/recfmt

go 1.22
