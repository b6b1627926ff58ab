package secret

import (
	"crypto/sha256"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	pw := []byte("correct horse")
	salt := []byte("NaCl-salt-16byte")
	allocs(t, "Stretch", func() { Stretch(pw, salt, 2) })
	allocs(t, "SubKey", func() { SubKey(pw, "enc", "user:42", 32) })
	allocs(t, "SaltedDigest", func() { SaltedDigest("hunter2", salt) })
	allocs(t, "KeyID", func() { KeyID(pw) })
	allocs(t, "Equal", func() { Equal("s3cr3t-token-value", "s3cr3t-token-valuf") })
	allocs(t, "EqualHMAC", func() { EqualHMAC(salt, pw, pw) })
	allocs(t, "CheckPassword", func() { CheckPassword("Tr0ub4dor&3-horse") })
	allocs(t, "Fold", func() { Fold("Tr0ub4dor 3") })
	allocs(t, "ContainsName", func() { ContainsName("aliceRocks99!", "Alice") })
}

func TestSecret(t *testing.T) {
	if k, err := HKDFExpand([]byte("prk"), []byte("info"), 42); len(k) != 42 || err != nil {
		t.Fatal(len(k), err)
	}
	if Stretch([]byte("p"), []byte("s"), 2) == Stretch([]byte("p"), []byte("s"), 3) {
		t.Fatal("stretch")
	}
	if k, _ := SubKey([]byte("m"), "a", "b", 16); len(k) != 16 {
		t.Fatal(len(k))
	}
	if d, _ := SaltedDigest("", nil); d != "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" {
		t.Fatal(d)
	}
	if id := KeyID(nil); len(id) != 11 {
		t.Fatal(id)
	}
	if MACLen(sha256.New, nil) != 32 {
		t.Fatal("maclen")
	}
	if !Equal("abc", "abc") || Equal("abc", "abc\x00") || Equal("a", "b") {
		t.Fatal("equal")
	}
	if !EqualHMAC(nil, []byte("x"), []byte("x")) || EqualHMAC(nil, []byte("x"), []byte("y")) {
		t.Fatal("equalhmac")
	}
	if CheckPassword("Tr0ub4dor&3-horse") != nil || CheckPassword("aaaaaaaaaaaaaaaA1") == nil || CheckPassword("short") == nil {
		t.Fatal("policy")
	}
	if f, _ := Fold("Ab C"); f != "abc" {
		t.Fatal(f)
	}
	if !ContainsName("xxALICExx", "alice") || ContainsName("bob", "alice") {
		t.Fatal("name")
	}
	if Mask("1234567890") != "******7890" || Mask("ab") != "ab" {
		t.Fatal(Mask("1234567890"))
	}
}
