package gen

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/fold"
)

// CountWords counts the words of s the way the generator measures its
// texts: every run of non-space characters that holds a letter or a digit.
// Markup such as "##" or "-" is not a word.
func CountWords(s string) int {
	n := 0
	in, word := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if in && word {
				n++
			}
			in, word = false, false
			continue
		}
		in = true
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = true
		}
	}
	if in && word {
		n++
	}
	return n
}

// pick returns a random element of list.
func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// chance returns true with probability p.
func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

// grow joins first and pieces drawn from next, separated by sep, until the
// text reaches a length drawn from [lo, hi] words. It never goes over hi
// words, and reaches lo unless first alone is too long for it.
func (g *generator) grow(lo, hi int, first string, next func() string, sep string) (string, int) {
	target := lo + g.r.IntN(hi-lo+1)
	var b strings.Builder
	b.WriteString(first)
	n := CountWords(first)
	for miss := 0; n < target; {
		p := next()
		k := CountWords(p)
		if n+k > hi {
			if miss++; miss < 8 {
				continue
			}
			if n >= lo {
				break
			}
			p = g.pick(fillers)
			if k = CountWords(p); n+k > hi {
				break
			}
		}
		b.WriteString(sep)
		b.WriteString(p)
		n += k
	}
	return b.String(), n
}

// clause is one "do something to something, somehow" of a plan.
func (g *generator) clause() string {
	s := g.pick(verbs) + " " + g.pick(objects)
	if g.r.IntN(3) > 0 {
		s += " " + g.pick(qualifiers)
	}
	return s
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// slugify turns Vietnamese text into the id form: ASCII lowercase words
// joined by hyphens, at most maxLen bytes, cut at a word boundary.
func slugify(s string, maxLen int) string {
	out := strings.Join(strings.FieldsFunc(fold.String(s), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}), "-")
	for len(out) > maxLen {
		i := strings.LastIndexByte(out[:maxLen+1], '-')
		if i <= 0 {
			out = out[:maxLen]
			break
		}
		out = out[:i]
	}
	return out
}

// ascii removes Vietnamese diacritics and keeps the case: "Đắk Glei"
// becomes "Dak Glei".
func ascii(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quote writes s as a TOML basic string.
func quote(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}
