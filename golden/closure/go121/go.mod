module example.com/golden/closure/go121

go 1.21
