module example.com/probe47

go 1.23
