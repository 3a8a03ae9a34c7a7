package plan

import (
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// utf16Bytes encodes s as Notepad's "Unicode" (little endian) or
// "Unicode big endian", with or without a byte-order mark.
func utf16Bytes(s string, big, bom bool) string {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return string(out)
}

// legacy encodes s in the code page cm as Windows saves it: a letter
// Windows-1258 has no single byte for is its base letter and tone mark.
func legacy(t *testing.T, s string, cm *charmap.Charmap) string {
	t.Helper()
	enc := cm.NewEncoder()
	var b strings.Builder
	for _, r := range s {
		if out, err := enc.String(string(r)); err == nil {
			b.WriteString(out)
			continue
		}
		rs := []rune(norm.NFD.String(string(r)))
		done := false
		for i := 0; i < len(rs) && !done; i++ {
			// The base letter with one of its marks (ô, ơ, ư, ă), then
			// the tone mark as a combining character.
			head := rs[0]
			if i > 0 {
				head = []rune(norm.NFC.String(string([]rune{rs[0], rs[i]})))[0]
			}
			out, err := enc.String(string(head))
			if err != nil {
				continue
			}
			rest := ""
			for j, m := range rs[1:] {
				if j+1 == i {
					continue
				}
				o, err := enc.String(string(m))
				if err != nil {
					out = ""
					break
				}
				rest += o
			}
			if out != "" {
				b.WriteString(out + rest)
				done = true
			}
		}
		if !done {
			t.Fatalf("%q cannot be written in %v", r, cm)
		}
	}
	return b.String()
}

func TestEncodings(t *testing.T) {
	crlf := strings.ReplaceAll(goodReport, "\n", "\r\n")
	tests := []struct {
		name, file, src string
		notice          string // the encoding named in a notice, when read
		key             string // the problem, when refused
		line            int
	}{
		{"UTF-16 LE with BOM (Notepad)", goodReportPath, utf16Bytes(crlf, false, true), encUTF16LE, "", 0},
		{"UTF-16 BE with BOM", goodReportPath, utf16Bytes(crlf, true, true), encUTF16BE, "", 0},
		{"UTF-16 LE without BOM", goodReportPath, utf16Bytes(goodReport, false, false), encUTF16LE, "", 0},
		{"plan in UTF-16", PlanFile, utf16Bytes(basePlan, false, true), encUTF16LE, "", 0},
		{"UTF-8 with BOM and CRLF", goodReportPath, "\ufeff" + crlf, "", "", 0},
		// Line 9 holds the first letter that is not ASCII: "Giám đốc".
		{"Windows-1258 (Vietnamese)", goodReportPath, legacy(t, goodReport, charmap.Windows1258), "", "encoding.legacy", 9},
		{"Windows-1252", goodReportPath, legacy(t, "+++\nagency = \"so-noi-vu\"\nperiod = \"2018-H1\"\nnumber = \"1\"\ndate = 2018-07-05\n[approval]\nstate = \"approved\"\napproved_by = \"José\"\n+++\nCafé\n", charmap.Windows1252), "", "encoding.legacy", 8},
		{"agencies in Windows-1258", AgenciesFile, legacy(t, baseAgencies, charmap.Windows1258), "", "encoding.legacy", 4},
		{"a Word file renamed", goodReportPath, "PK\x03\x04\x14\x00\x06\x00", "", "encoding.binary", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.key != "" {
				ps := loadProblems(t, map[string]string{tt.file: tt.src}, want{tt.file, tt.line, 0, tt.key}.atCol(t, tt.src))
				if tt.key == "encoding.legacy" {
					guess := enc1258
					if strings.Contains(tt.name, "1252") {
						guess = enc1252
					}
					if ps[0].Args[0] != guess {
						t.Errorf("guess %v, want %s", ps[0].Args[0], guess)
					}
				}
				return
			}
			p, err := load(t, map[string]string{tt.file: tt.src})
			if err != nil {
				t.Fatal(err)
			}
			if tt.file == goodReportPath && (len(p.Reports) != 1 || p.Reports[0].Approval.ApprovedBy != "Giám đốc Sở Nội vụ" || len(p.Reports[0].Problems) > 0) {
				t.Fatalf("report not read as written: %+v", p.Reports)
			}
			// The report is approved by hand (no digest): that notice is
			// not what this test is about.
			var notices Problems
			for _, n := range p.Notices {
				if n.Key != "approval.noDigest" {
					notices = append(notices, n)
				}
			}
			p.Notices = notices
			switch {
			case tt.notice == "" && len(p.Notices) > 0:
				t.Errorf("notices %v, want none", p.Notices)
			case tt.notice != "" && (len(p.Notices) != 1 || p.Notices[0].Key != "encoding.utf16" || p.Notices[0].Args[0] != tt.notice || p.Notices[0].Pos.File != tt.file):
				t.Errorf("notices %v, want one naming %s", p.Notices, tt.notice)
			}
		})
	}
}

// atCol fills in the column of the first byte that is not ASCII on w's
// line of src (1 for a line without one).
func (w want) atCol(t *testing.T, src string) want {
	lines := strings.Split(src, "\n")
	w.col = 1
	if w.line <= len(lines) {
		for i := 0; i < len(lines[w.line-1]); i++ {
			if lines[w.line-1][i] >= 0x80 {
				w.col = i + 1
				break
			}
		}
	}
	return w
}

func TestKeyPositionsAfterEscapedQuotes(t *testing.T) {
	// A multi-line note holding \""" does not end there: the unknown key
	// after it is on its own line (issue 16).
	// Read as closed there, the "[" of the next line would open a list
	// that hides every line after it.
	src := edit(t, goodReport, `note = "Đang rà soát"`, "note = \"\"\"Dòng một \\\"\"\" vẫn trong chuỗi\nxem = [mục 1\n\"\"\"\nprogres = 1")
	loadProblems(t, map[string]string{goodReportPath: src}, at(t, goodReportPath, src, "", "progres =", "toml.unknownKey"))
	// And one opened and closed on one line is closed.
	src = edit(t, goodReport, `note = "Đang rà soát"`, "note = \"\"\"Một dòng \\\"\"\" \"\"\"\nprogres = 1")
	loadProblems(t, map[string]string{goodReportPath: src}, at(t, goodReportPath, src, "", "progres =", "toml.unknownKey"))
}
