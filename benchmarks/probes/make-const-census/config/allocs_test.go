package config

import "testing"

func TestAllocs(t *testing.T) {
	cfg := Client{ClientID: "billing-consumer-eu-west-1", Brokers: []string{"b3:9092", "b1:9092", "b2:9092"}, Partitions: 12}
	if h, err := Hello(cfg); err != nil || h != "BILLING-CONSUMER-EU-WEST-1" {
		t.Fatal(h, err)
	}
	allocs(t, "Hello", func() { Hello(cfg) })
	if s, err := Seeds(cfg); err != nil || s != "b1:9092,b2:9092,b3:9092" {
		t.Fatal(s, err)
	}
	allocs(t, "Seeds", func() { Seeds(cfg) })
	if n, err := Assign(cfg); err != nil || n != 4 {
		t.Fatal(n, err)
	}
	allocs(t, "Assign", func() { Assign(cfg) })
	allocs(t, "Failover", func() { Failover(cfg) })
	allocs(t, "Renamed", func() { Renamed(cfg, "7") })
	a := Agent{Name: "agent", Tags: []string{"zone=eu", "env=prod"}}
	allocs(t, "TagLine", func() { TagLine(a) })
	s := Subscription{Topic: "orders.settled", Group: "billing"}
	if k := Key(s); k != "billing/orders.settled" {
		t.Fatal(k)
	}
	allocs(t, "Key", func() { Key(s) })
	if p := TopicPath(s); p != "orders/settled" {
		t.Fatal(p)
	}
	allocs(t, "TopicPath", func() { TopicPath(s) })
	allocs(t, "Banner", func() { Banner(&cfg) })
}
