package svc

import (
	"bytes"
	"fmt"
)

const banner = "\xff\xfe|%s|\u00e9|\x00|\t|`|\\|\"|%%|\a"

func Banner(s string) string {
	return fmt.Sprintf(banner, s)
}

func RawFmt(s string) string {
	return fmt.Sprintf(`C:\dir\%s\n"q"%%`, s)
}

func Progress(b *bytes.Buffer, done, total int, name string) {
	for i := 0; i < 1; i++ {
		b.WriteString("")
	}
	fmt.Fprintf(b, "%d%% of %s\t(%d)\x01%s\n", done*100/total, name, total, "\xff")
}

func ProgressOut(done, total int, name string) string {
	var b bytes.Buffer
	Progress(&b, done, total, name)
	return b.String()
}

func Width(b *bytes.Buffer, name string, n int) {
	for i := 0; i < 1; i++ {
		b.WriteString("")
	}
	fmt.Fprintf(b, "%-8d|%s|%5%|%*d|%s\n", n, name, 3, n, name)
}

func WidthOut(name string, n int) string {
	var b bytes.Buffer
	Width(&b, name, n)
	return b.String()
}

func ErrTab(field, value string) error {
	return fmt.Errorf("field\t%s=%q: bad %s\r\n", field, value, field)
}

func ErrTab2(field, value string) error {
	return fmt.Errorf("field\t%s=\"%s\"\x7f\u2028", field, value)
}
