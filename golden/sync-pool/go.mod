module example.com/golden/syncpool

go 1.22
