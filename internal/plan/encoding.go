package plan

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// The encodings a file saved on Windows may come in, besides UTF-8.
//
// UTF-16 (Notepad's "Unicode" and "Unicode big endian") is read: it holds
// every character, so converting it loses nothing, and refusing a file
// that is perfectly legible would only stop a build; a notice asks for
// UTF-8 all the same, since other tools (and a diff of the portal's
// history) expect it. A file in a legacy code page (Windows-1258, the
// Vietnamese one, or Windows-1252) is refused: which code page it is can
// only be guessed, and a wrong guess would publish garbled names.
const (
	encUTF16LE = "UTF-16 LE"
	encUTF16BE = "UTF-16 BE"
	enc1258    = "Windows-1258"
	enc1252    = "Windows-1252"
)

// encodingError is a file that is not UTF-8 text.
type encodingError struct {
	offset int    // of the first byte that is not UTF-8
	guess  string // the code page it most likely is, "" for binary data
}

func (e *encodingError) Error() string { return "not UTF-8: " + e.guess }

// decodeText returns src as UTF-8 without a byte-order mark. UTF-16, with a
// byte-order mark or without one when its zero bytes show it, is converted
// and its name returned. Anything else that is not valid UTF-8 is an
// *encodingError.
func decodeText(src []byte) (text []byte, converted string, err error) {
	var endian unicode.Endianness
	name := ""
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		endian, name = unicode.LittleEndian, encUTF16LE
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		endian, name = unicode.BigEndian, encUTF16BE
	default:
		endian, name = guessUTF16(src)
	}
	if name != "" {
		out, err := unicode.UTF16(endian, unicode.IgnoreBOM).NewDecoder().Bytes(src)
		if err == nil {
			out = bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
			if !bytes.ContainsRune(out, 0) {
				return out, name, nil
			}
		}
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if binary(src) {
		return nil, "", &encodingError{}
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return nil, "", &encodingError{offset: off, guess: guessCodePage(src)}
	}
	return src, "", nil
}

// binary reports whether src is not text at all: an Office or PDF file
// renamed, or data with many zero bytes. (A stray zero byte in a text is
// left to the checks of the text.)
func binary(src []byte) bool {
	for _, sig := range []string{"PK\x03\x04", "%PDF", "\xD0\xCF\x11\xE0"} {
		if bytes.HasPrefix(src, []byte(sig)) {
			return true
		}
	}
	return bytes.Count(src, []byte{0})*10 > len(src)
}

// guessUTF16 recognises UTF-16 without a byte-order mark by its zero
// bytes: text that is mostly ASCII (as TOML keys are) has a zero in every
// other byte.
func guessUTF16(src []byte) (unicode.Endianness, string) {
	n := min(len(src), 512) &^ 1
	if n < 8 {
		return unicode.LittleEndian, ""
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if src[i] == 0 {
			even++
		}
		if src[i+1] == 0 {
			odd++
		}
	}
	switch half := n / 2; {
	case odd*10 >= half*6 && even == 0:
		return unicode.LittleEndian, encUTF16LE
	case even*10 >= half*6 && odd == 0:
		return unicode.BigEndian, encUTF16BE
	}
	return unicode.LittleEndian, ""
}

// guessCodePage names the code page text that is not UTF-8 was most likely
// saved in: Windows-1258 when it has the bytes of the letters and tone
// marks only Vietnamese uses (ă, đ, ơ, ư, the combining tones), else
// Windows-1252.
func guessCodePage(src []byte) string {
	for _, b := range src {
		switch b {
		case 0xC3, 0xE3, 0xD0, 0xF0, 0xD5, 0xF5, 0xDD, 0xFD, 0xCC, 0xEC, 0xDE, 0xD2, 0xF2:
			return enc1258
		}
	}
	return enc1252
}

// decodeSource turns what was read of rel into UTF-8 text, telling a
// conversion as a notice and refusing what is not text. On refusal the
// raw bytes are returned with false, for what can be made out of them.
func (l *loader) decodeSource(rel string, src []byte) ([]byte, bool) {
	text, converted, err := decodeText(src)
	if err != nil {
		e := err.(*encodingError)
		line, col := offsetPos(src, e.offset)
		pos := Pos{File: rel, Line: line, Col: col}
		if e.guess == "" {
			l.ps.add(Pos{File: rel, Line: 1, Col: 1}, "encoding.binary")
		} else {
			l.ps.add(pos, "encoding.legacy", e.guess)
		}
		return src, false
	}
	if converted != "" {
		l.notices.add(Pos{File: rel, Line: 1, Col: 1}, "encoding.utf16", converted)
	}
	return text, true
}

// Converted names the encoding the loader converts src from when reading
// it ("UTF-16 LE", "UTF-16 BE"), or "" when src is read as it is (UTF-8,
// with or without a byte-order mark) or refused. A command that edits a
// file's bytes in place (approve, reject) must not edit a converted one:
// its bytes are not the text the loader read.
func Converted(src []byte) string {
	_, name, err := decodeText(src)
	if err != nil {
		return ""
	}
	return name
}
