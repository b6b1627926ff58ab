module example.com/freshcli

go 1.23
