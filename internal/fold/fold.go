// Package fold removes Vietnamese diacritics so that text typed without them
// matches text written with them: "Đắk Glei" folds to "dak glei".
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// String returns s in lower case with every combining mark removed and đ/Đ
// written as d.
func String(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Lower returns s in lower case, normalised to NFC, keeping its diacritics.
func Lower(s string) string { return strings.ToLower(norm.NFC.String(s)) }
