module example.com/exportkit

go 1.22
