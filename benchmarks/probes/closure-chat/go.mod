module example.com/probes/closure-chat

go 1.22
