module example.com/ledgercal

go 1.22
