module example.com/golden/makeconst/proven

go 1.22
