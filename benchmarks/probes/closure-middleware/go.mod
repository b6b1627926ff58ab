module example.com/mw47

go 1.24
