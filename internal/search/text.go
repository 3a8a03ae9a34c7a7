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
}

// isWordRune reports whether r belongs to a word: letters, digits and
// combining marks, the same classes as the client's [\p{L}\p{N}\p{M}].
func isWordRune(r rune) bool {
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
	cache map[string]word
}

func newSplitter() *splitter { return &splitter{cache: map[string]word{}} }

// split returns the words of s in order. Words whose folded form is empty or
// longer than maxTokenRunes are left out (the break they carry is kept).
func (sp *splitter) split(s string) []word {
	var out []word
	brk := false
	start, prevEnd := -1, -1 // start of the current word, end of the last one
	flush := func(end int) {
		raw := s[start:end]
		w, ok := sp.cache[raw]
		if !ok {
			w = word{form: fold.Lower(raw), fold: fold.String(raw)}
			if sp.cache != nil {
				sp.cache[strings.Clone(raw)] = w
			}
		}
		if w.fold == "" || utf8.RuneCountInString(w.fold) > maxTokenRunes {
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
// a word boundary near excerptRunes runes, with "…" when cut.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= excerptRunes {
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
