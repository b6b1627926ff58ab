module example.com/golden/makeconst

go 1.22
