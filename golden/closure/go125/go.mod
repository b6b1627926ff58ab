module example.com/golden/closure/go125

go 1.25
