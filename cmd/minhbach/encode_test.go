package main

import (
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// encodeCmd saves files in another encoding, as Notepad does with "Save
// As… → Encoding": encode utf16le|utf16be|cp1258|cp1252 FILE...
// utf16le and utf16be write a byte-order mark, as Notepad does; cp1258
// writes each Vietnamese letter as Windows does (base letter, then the
// tone mark as a combining character when the code page has no single
// byte for it).
func encodeCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: encode utf16le|utf16be|cp1258|cp1252 FILE...")
	}
	var enc encoding.Encoding
	switch args[0] {
	case "utf16le":
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "utf16be":
		enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case "cp1258":
		enc = charmap.Windows1258
	case "cp1252":
		enc = charmap.Windows1252
	default:
		ts.Fatalf("unknown encoding %q", args[0])
	}
	for _, name := range args[1:] {
		p := ts.MkAbs(name)
		data, err := os.ReadFile(p)
		ts.Check(err)
		text := string(data)
		if args[0] == "cp1258" {
			text = windows1258Form(text)
		}
		out, err := enc.NewEncoder().String(text)
		ts.Check(err)
		ts.Check(os.WriteFile(p, []byte(out), 0o644))
	}
}

// windows1258Form rewrites the letters Windows-1258 has no byte for as the
// letter with its shape mark (ô, ơ, ư, ă, â, ê) followed by the combining
// tone mark, as Windows writes them.
func windows1258Form(s string) string {
	e := charmap.Windows1258.NewEncoder()
	var b strings.Builder
	for _, r := range s {
		if _, err := e.String(string(r)); err == nil {
			b.WriteRune(r)
			continue
		}
		rs := []rune(norm.NFD.String(string(r)))
		written := false
		for i := 1; i < len(rs) && !written; i++ {
			head := []rune(norm.NFC.String(string([]rune{rs[0], rs[i]})))
			if _, err := e.String(string(head)); err != nil || len(head) != 1 {
				continue
			}
			b.WriteRune(head[0])
			for j := 1; j < len(rs); j++ {
				if j != i {
					b.WriteRune(rs[j])
				}
			}
			written = true
		}
		if !written {
			b.WriteString(norm.NFD.String(string(r)))
		}
	}
	return b.String()
}
