module example.com/httplog

go 1.22
