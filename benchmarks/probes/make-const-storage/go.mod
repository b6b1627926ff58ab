module example.com/storetel

go 1.22
