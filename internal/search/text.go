package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/fold"
)

// maxTokenRunes skips longer "words" (hashes, pasted URLs): nobody types
// them into a search box and they would only bloat the dictionary. The client
// drops query words longer than this too.
const maxTokenRunes = 40

// word is one token of a text: its form (lower case, NFC, with diacritics)
// and its folded form (fold.String), which is what the index is keyed by.
type word struct {
	form, fold string
	// brk says a phrase break (punctuation other than an apostrophe, a
	// hyphen or a slash, or a line break) stands between this word and the
	// previous one.
	brk bool
	// join says a single apostrophe and nothing else stands between this
	// word and the previous one ("H'Drai"): the index also holds the two
	// written as one word ("hdrai"), as people type such names.
	join bool
	// spelling numbers the word's exact spelling in the text ("Thôn" and
	// "thôn" are two) among those the splitter has returned, 0, 1, 2, ...
	// in order of first appearance, so that a caller can keep what it
	// derives from a spelling in a slice instead of looking it up again;
	// -1 for a splitter without a cache.
	spelling int32
}

// isWordRune reports whether r belongs to a word: letters, digits and
// combining marks, the same classes as the client's [\p{L}\p{N}\p{M}].
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // the same classes, without the tables
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// isBreak reports whether r, between two words, breaks a phrase. Slashes do
// not: they join the parts of document numbers ("45/BC-SNV", "18-NQ/TW").
func isBreak(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑', '/':
		return false
	case '\n', '\r':
		return true
	}
	return unicode.IsPunct(r)
}

// splitter tokenizes texts, caching the forms of words already seen.
type splitter struct {
	// cache holds the word of each spelling seen, its fold "" when the
	// word is left out.
	cache     map[string]word
	spellings int32 // the number of spellings returned so far
}

func newSplitter() *splitter { return &splitter{cache: map[string]word{}} }

// split returns the words of s in order. Words whose folded form is empty or
// longer than maxTokenRunes are left out (the break they carry is kept).
func (sp *splitter) split(s string) []word { return sp.appendWords(nil, s) }

// appendWords appends the words of s, as split returns them, to out, so
// that a caller splitting many texts can reuse one slice.
func (sp *splitter) appendWords(out []word, s string) []word {
	brk := false
	start, prevEnd := -1, -1 // start of the current word, end of the last one
	flush := func(end int) {
		raw := s[start:end]
		w, ok := sp.cache[raw]
		if !ok {
			w = word{form: fold.Lower(raw), fold: fold.String(raw), spelling: -1}
			if utf8.RuneCountInString(w.fold) > maxTokenRunes {
				w.fold = ""
			}
			if sp.cache != nil {
				if w.fold != "" {
					w.spelling = sp.spellings
					sp.spellings++
				}
				sp.cache[strings.Clone(raw)] = w
			}
		}
		if w.fold == "" {
			start, prevEnd = -1, -1
			return
		}
		w.brk = brk
		w.join = !brk && prevEnd >= 0 && isApostrophe(s[prevEnd:start])
		brk = false
		start, prevEnd = -1, end
		out = append(out, w)
	}
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			flush(i)
		}
		if isBreak(r) {
			brk = true
		}
	}
	if start >= 0 {
		flush(len(s))
	}
	return out
}

// isApostrophe reports whether s is a single apostrophe.
func isApostrophe(s string) bool { return s == "'" || s == "’" }

// excerptRunes is the length of the text kept per document for snippets.
const excerptRunes = 200

// excerpt returns the start of s with runs of white space collapsed, cut at
// a word boundary near excerptRunes runes, with "…" when cut. It reads only
// as many words of s as it needs.
func excerpt(s string) string {
	// Collapse the white space of the first excerptRunes+1 runes: enough to
	// know whether the text is cut, and where.
	var b strings.Builder
	runes := 0
	for f := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
			runes++
		}
		b.WriteString(f)
		if runes += utf8.RuneCountInString(f); runes > excerptRunes {
			break
		}
	}
	s = b.String()
	if runes <= excerptRunes {
		return s
	}
	n, cut := 0, len(s)
	for i := range s {
		if n == excerptRunes {
			cut = i
			break
		}
		n++
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRightFunc(s[:cut], func(r rune) bool { return !isWordRune(r) }) + "…"
}
