module example.com/scratchpool

go 1.22
