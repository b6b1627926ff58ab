module example.com/probes/mixed-mailer

go 1.22
