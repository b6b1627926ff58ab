module example.com/golden/closure/go123

go 1.23
