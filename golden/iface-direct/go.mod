module example.com/golden/iface-direct

go 1.22
