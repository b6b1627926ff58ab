module example.com/probes/mixed-gameserver

go 1.22
