module example.com/probes/syncpoolhunt

go 1.24
