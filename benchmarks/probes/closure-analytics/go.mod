module example.com/analytics48

go 1.23
