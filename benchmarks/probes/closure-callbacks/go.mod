module example.com/tabkit46

go 1.23
