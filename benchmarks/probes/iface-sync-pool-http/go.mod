module example.com/probe43

go 1.23
