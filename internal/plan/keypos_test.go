package plan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// multiLineCases are documents in which a multi-line string is followed by
// the key "after" (or, for a members list, by more elements): each string
// holds what a line scanner takes for its end or its start.
var multiLineCases = []struct {
	name, doc string
	line      int // the line of "after"
}{
	{"an escaped quote before three quotes", "a = \"\"\"x \\\"\"\" y\nz\"\"\"\nafter = 1\n", 3},
	{"an escaped quote on a line of its own", "a = \"\"\"\nx \\\"\"\"\n\"\"\"\nafter = 1\n", 4},
	{"an escaped backslash, then the end", "a = \"\"\"\nx \\\\\"\"\"\nafter = 1\n", 3},
	{"a quote just before the end", "a = \"\"\"x\"\"\"\" \nafter = 1\n", 2},
	{"two quotes just before the end", "a = \"\"\"\nx\"\"\"\"\"\nafter = 1\n", 3},
	{"a literal string ending in a backslash", "a = '''x\\'''\nafter = 1\n", 2},
	{"brackets and a comment sign inside", "a = [\"\"\"\n] # [\n\"\"\"]\nafter = 1\n", 4},
	{"a header inside", "a = \"\"\"\n[table]\nb = 2\n\"\"\"\nafter = 1\n", 5},
	{"a line continuation", "a = \"\"\"x \\\n  \\\"\"\" \\\n  y\"\"\"\nafter = 1\n", 4},
	{"Windows line ends", "a = \"\"\"\r\nx \\\"\"\"\r\n\"\"\"\r\nafter = 1\r\n", 4},
	{"in a table", "[t]\nnote = \"\"\"\nsaid \\\"\"\"hi\\\"\"\"\n\"\"\"\nafter = 1\n", 5},
}

func TestKeyPositionsAfterMultiLineStrings(t *testing.T) {
	t.Parallel()
	for _, c := range multiLineCases {
		var v map[string]any
		if _, err := toml.Decode(c.doc, &v); err != nil {
			t.Fatalf("%s: the case is not TOML: %v", c.name, err)
		}
		kp := indexKeys("f.toml", []byte(c.doc), 0)
		key := "after"
		if strings.HasPrefix(c.name, "in a table") {
			key = "t.after"
		}
		if got := kp[key]; got.Line != c.line || got.Col != 1 {
			t.Errorf("%s: %s at %d:%d, want %d:1", c.name, key, got.Line, got.Col, c.line)
		}
		if got := kp[key+"="]; got.Line != c.line || got.Col != len("after = ")+1 {
			t.Errorf("%s: the value of %s at %d:%d, want %d:%d", c.name, key, got.Line, got.Col, c.line, len("after = ")+1)
		}
	}
}

// TestProblemAfterAnEscapedQuoteIsOnItsLine is the case of issue 16: a
// problem with a member listed after a multi-line name that holds \"""
// is told on the member's own line.
func TestProblemAfterAnEscapedQuoteIsOnItsLine(t *testing.T) {
	t.Parallel()
	src := edit(t, baseAgencies, baseMembers, "head = \"\"\"\nDanh sách \\\"\"\"cũ\\\"\"\" đã bỏ.\n\"\"\"\nmembers = [\n  \"huyen-a\",\n  { id = \"huyen-c\", from = \"2019\" },\n]")
	loadProblems(t, map[string]string{AgenciesFile: src}, at(t, AgenciesFile, src, `{ id = "huyen-c"`, `{`, "group.unknownMember"))
	src = edit(t, baseAgencies, baseMembers, "members = [\n  \"huyen-a\", \"\"\"huyen-b \\\"\"\"\n\"\"\",\n  \"huyen-c\",\n]")
	loadProblems(t, map[string]string{AgenciesFile: src},
		at(t, AgenciesFile, src, "\"\"\"huyen-b", `"`, "group.unknownMember"),
		at(t, AgenciesFile, src, "\"huyen-c\",\n]", `"`, "group.unknownMember"))
}

func TestKeyPositionsOfHeadersAndElements(t *testing.T) {
	t.Parallel()
	doc := "top = 1\n  [[tasks]]\n  number = 1\n[[tasks.milestones]]\nid = \"1a\"\n[[tasks]]\nnumber = 2\n[[tasks.milestones]]\nid = \"2a\"\n[tasks.meta]\n\"quoted key\" = 3\nx.y = 4\n[[groups]]\nmembers = [ \"a\",\n  { id = \"b\" }, [ \"c\" ],\n  'd' ]\n"
	kp, headers := scanKeys("f.toml", []byte(doc), 10)
	want := map[string][2]int{
		"top": {11, 1}, "top=": {11, 7},
		"tasks": {12, 3}, "tasks.0": {12, 3}, "tasks.0.number": {13, 3},
		"tasks.0.milestones.0": {14, 1}, "tasks.0.milestones.0.id": {15, 1},
		"tasks.1": {16, 1}, "tasks.1.milestones.0": {18, 1}, "tasks.1.milestones.0.id=": {19, 6},
		"tasks.1.meta": {20, 1}, "tasks.1.meta.quoted key": {21, 1}, "tasks.1.meta.x.y": {22, 1},
		"groups.0.members.#0": {24, 13}, "groups.0.members.#1": {25, 3}, "groups.0.members.#2": {25, 17},
		"groups.0.members.#3": {26, 3},
	}
	for path, w := range want {
		if got := kp[path]; got.Line != w[0] || got.Col != w[1] || got.File != "f.toml" {
			t.Errorf("%s at %s:%d:%d, want %d:%d", path, got.File, got.Line, got.Col, w[0], w[1])
		}
	}
	if got, want := fmt.Sprint(headers), "[1 3 5 7 9 12]"; got != want {
		t.Errorf("header lines %s, want %s", got, want)
	}
}

// FuzzKeyPositions checks the key positions of any document the decoder
// reads against the decoder and against the text: every key BurntSushi/toml
// decodes outside an inline table is located; each key's position is on a
// line that holds that key before its '=' (or is the '[' of its header);
// each value's position comes right after an '='.
func FuzzKeyPositions(f *testing.F) {
	for _, c := range multiLineCases {
		f.Add(c.doc)
	}
	f.Add(baseAgencies)
	f.Add(basePlan)
	f.Add("a.b = 1\n[t]\nx = { y = 1, z = [1, 2] }\n[[u]]\n'k.1' = \"v\"\n[[u]]\n\"k\\\"2\" = 2\n")
	f.Add("[[groups]]\nid = \"g\"\nmembers = [\"\"\"\na \\\"\"\"\n\"\"\", { id = \"b\" },\n  # a comment\n  [\"c\"], 'd']\n")
	f.Fuzz(func(t *testing.T, doc string) {
		var v map[string]any
		md, err := toml.Decode(doc, &v)
		if err != nil {
			return
		}
		kp := indexKeys("f.toml", []byte(doc), 0)
		lines := strings.Split(doc, "\n")
		split := func(path string, p Pos) (before, after string) {
			if p.Line < 1 || p.Line > len(lines) {
				t.Fatalf("%s at line %d of %d", path, p.Line, len(lines))
			}
			r := []rune(lines[p.Line-1])
			if p.Col < 1 || p.Col > len(r)+1 {
				t.Fatalf("%s at %d:%d, the line has %d characters", path, p.Line, p.Col, len(r))
			}
			return string(r[:p.Col-1]), string(r[p.Col-1:])
		}
		values := map[string]bool{}
		for path, p := range kp {
			before, after := split(path, p)
			switch {
			case strings.HasSuffix(path, "="):
				values[stripIndexes(strings.TrimSuffix(path, "="))] = true
				if !strings.HasSuffix(strings.TrimRight(before, " \t"), "=") {
					t.Errorf("the value of %s at %d:%d does not follow an '=': %q", path, p.Line, p.Col, lines[p.Line-1])
				}
			case strings.Contains(path, ".#"):
				if after == "" || strings.ContainsAny(after[:1], " \t,]#") {
					t.Errorf("element %s at %d:%d starts with %q", path, p.Line, p.Col, after)
				}
			case strings.HasPrefix(after, "["):
				// a header
			default:
				last := path[strings.LastIndex(path, ".")+1:]
				eq := strings.Index(after, "=")
				if eq < 0 || (!strings.Contains(after[:eq], last) && bareKey(last)) {
					t.Errorf("key %s at %d:%d: %q", path, p.Line, p.Col, lines[p.Line-1])
				}
			}
		}
		// Every value the decoder read is located, but for keys inside an
		// inline table (located at the table's key).
		for _, k := range md.Keys() {
			if t := md.Type(k...); t == "Hash" || t == "ArrayHash" {
				continue
			}
			inline := false
			for i := 1; i < len(k); i++ {
				if values[strings.Join(k[:i], ".")] {
					inline = true
				}
			}
			joined := strings.Join(k, ".")
			if stripIndexes(joined) != joined || strings.Contains(strings.Join(k, ""), ".") {
				continue // a key that is a number, or holds a dot: its path is ambiguous
			}
			if !inline && !values[joined] {
				t.Errorf("the decoder read %q, which has no position", k.String())
			}
		}
	})
}

// bareKey reports whether k is written as is (a bare key), so that it can
// be looked for in the text.
func bareKey(k string) bool {
	if k == "" {
		return false
	}
	for _, c := range k {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// TestScanPosIsOffsetPos checks the line index of keyScan.pos against
// offsetPos, which counts from the top, at every offset (and beyond both
// ends) of documents with CRLF, Vietnamese text, blank lines and no final
// newline.
func TestScanPosIsOffsetPos(t *testing.T) {
	for _, src := range []string{
		"",
		"\n",
		"a = 1",
		"[plan]\ntitle = \"Nhiệm vụ\"\n\n[[tasks]]\nnumber = 1\n",
		"x = 1\r\ny = \"Đắk Tô\"\r\n\r\nz = 3",
		"\n\n\nĐ\n",
	} {
		s := keyScan{file: "f.toml", src: []byte(src), lineOffset: 3}
		for off := -2; off <= len(src)+2; off++ {
			line, col := offsetPos([]byte(src), off)
			want := Pos{File: "f.toml", Line: line + 3, Col: col}
			if got := s.pos(off); got != want {
				t.Errorf("%q at %d: got %+v, want %+v", src, off, got, want)
			}
		}
	}
}
