module example.com/netproto

go 1.22
