package view

import (
	"testing"
	"unicode/utf8"
)

func TestShortTitle(t *testing.T) {
	long := "6. Rà soát, xây dựng Đề án và triển khai sắp xếp, tổ chức lại đơn vị hành chính cấp xã và sáp nhập các thôn"
	for _, tt := range []struct {
		in   string
		want string
	}{
		{"Tiến độ theo thời gian", ""},
		{string(make([]rune, 0)), ""},
		{long, "6. Rà soát, xây dựng Đề án và triển khai sắp xếp, tổ chức lại đơn vị…"},
	} {
		got := shortTitle(tt.in, ogTitleMax)
		if got != tt.want {
			t.Errorf("shortTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > ogTitleMax {
			t.Errorf("shortTitle(%q) has %d characters", tt.in, n)
		}
	}
	// A title of exactly ogTitleMax characters is kept whole.
	exact := string([]rune(long)[:ogTitleMax])
	if got := shortTitle(exact, ogTitleMax); got != "" {
		t.Errorf("a %d-character title was cut: %q", ogTitleMax, got)
	}
}
