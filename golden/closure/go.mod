module example.com/golden/closure

go 1.22
