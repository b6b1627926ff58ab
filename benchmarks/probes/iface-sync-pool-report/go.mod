module example.com/probe42

go 1.23
