module example.com/searchkit

go 1.22
