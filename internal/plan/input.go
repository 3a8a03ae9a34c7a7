package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// What staff type, and what the loader says about it. A TOML parser's own
// words ("expected a top-level item to end with a newline", "destination
// has type integer") mean nothing to the person who typed the value, so
// the loader looks at the line as written and names the field, the value
// as typed and the form to use.

// dateKeys are the keys whose values are days; boolKeys those whose values
// are true or false.
var (
	dateKeys = map[string]bool{"date": true, "done_on": true, "approved_on": true}
	boolKeys = map[string]bool{"reports": true, "sample": true}
)

var (
	dmyRE      = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$`)
	ymdRE      = regexp.MustCompile(`^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$`)
	dateTimeRE = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[T ]\d`)
	dateLikeRE = regexp.MustCompile(`^["']?\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}`)
	typesRE    = regexp.MustCompile(`TOML value has type (\S+); destination has type (\S+)`)
	dupKeyRE   = regexp.MustCompile(`^Key '([^']*)' (?:has already been defined|was already created)`)
)

// srcLine returns line n (from 1, counted as in the file, lineOffset
// included) of src, without its line ending, or "".
func srcLine(src []byte, lineOffset, n int) string {
	lines := strings.Split(string(src), "\n")
	if i := n - lineOffset - 1; i >= 0 && i < len(lines) {
		return strings.TrimRight(lines[i], "\r")
	}
	return ""
}

// stripComment cuts a # comment off a value, outside quotes.
func stripComment(v string) string {
	return strings.TrimSpace(v[:codeEnd(v)])
}

// keyValue splits a key = value line as written: the last key, the value
// without its comment, and the column (from 1, in characters) the value
// starts at. ok is false when the line has no = outside quotes.
func keyValue(line string) (key, value string, col int, ok bool) {
	trimmed := strings.TrimLeft(line, " \t")
	eq := equalsIndex(trimmed)
	if eq < 0 {
		return "", "", 0, false
	}
	keys := splitKey(trimmed[:eq])
	key = keys[len(keys)-1]
	rest := trimmed[eq+1:]
	v := strings.TrimLeft(rest, " \t")
	col = utf8.RuneCountInString(line[:len(line)-len(v)]) + 1
	return key, stripComment(v), col, true
}

// syntaxProblem tells a document that does not parse. pos is where the
// parser stopped and message what it said, used only to tell cases apart.
func (l *loader) syntaxProblem(file string, src []byte, lineOffset int, pos Pos, message string) {
	line := srcLine(src, lineOffset, pos.Line)
	for n := pos.Line - 1; strings.TrimSpace(line) == "" && n > lineOffset; n-- {
		// The parser stopped at the end of the file, or on an empty line
		// after the mistake: the mistake is on the last written line.
		line = srcLine(src, lineOffset, n)
		pos = Pos{File: file, Line: n, Col: 1}
	}
	if col, r, ok := controlChar(line); ok {
		// An invisible character (a NUL from a broken copy, an escape
		// from a terminal): the line reads well, so say which character
		// and where, never the line itself.
		l.ps.add(Pos{File: file, Line: pos.Line, Col: col}, "input.control", fmt.Sprintf("U+%04X", r))
		return
	}
	trimmed := strings.TrimSpace(line)
	if m := dupKeyRE.FindStringSubmatch(message); m != nil {
		parts := splitKey(m[1])
		k := parts[len(parts)-1]
		first := pos.Line
		for n := pos.Line - 1; n > lineOffset; n-- {
			prev := srcLine(src, lineOffset, n)
			if pk, _, _, ok := keyValue(prev); ok && pk == k {
				first = n
				break
			}
			if h := strings.Trim(strings.TrimSpace(prev), "[] \t"); h != "" && strings.HasPrefix(strings.TrimSpace(prev), "[") {
				if hp := splitKey(h); hp[len(hp)-1] == k {
					first = n
					break
				}
			}
		}
		l.ps.add(Pos{File: file, Line: pos.Line, Col: 1}, "input.duplicateKey", k, first)
		return
	}
	if strings.Contains(message, "array") || strings.Contains(message, "comma") {
		// A list left open runs on into the lines after it: the
		// parser stops there, the mistake is where the list opens.
		for n := pos.Line; n > lineOffset; n-- {
			if k, v, col, ok := keyValue(srcLine(src, lineOffset, n)); ok && strings.HasPrefix(v, "[") && bracketDepth(v) > 0 {
				l.ps.add(Pos{File: file, Line: n, Col: col}, "input.unclosedList", k)
				return
			}
		}
	}
	if strings.HasPrefix(trimmed, "[") {
		l.ps.add(pos, "input.header", trimmed)
		return
	}
	key, value, vcol, ok := keyValue(line)
	if !ok {
		if strings.HasPrefix(message, "expected a top-level item") || strings.Contains(message, "'='") {
			l.ps.add(pos, "input.noEquals", trimmed)
		} else {
			l.ps.add(pos, "input.syntax", trimmed)
		}
		return
	}
	at := Pos{File: file, Line: pos.Line, Col: vcol}
	switch {
	case value == "":
		l.ps.add(at, "input.noValue", key)
	case strings.ContainsAny(value, "“”‘’"):
		inner := strings.Trim(value, "“”‘’\"' ")
		l.ps.add(at, "input.curlyQuotes", key, value, inner)
	case dateKeys[key] || dateLikeRE.MatchString(value):
		l.dateProblem(at, key, value)
	case key == "progress" || strings.HasSuffix(value, "%"):
		l.ps.add(at, "input.progress", value)
	case strings.Contains(message, "out of range"):
		l.ps.add(at, "input.number", key, value)
	case value[0] == '"' && unclosed(value):
		l.ps.add(at, "input.unclosedString", key, value)
	case value[0] == '\'':
		l.ps.add(at, "input.apostrophe", key, value)
	case value[0] == '[' && (strings.Contains(message, "array") || strings.Contains(message, "EOF") || strings.Contains(message, "end of file")):
		l.ps.add(at, "input.unclosedList", key)
	case boolKeys[key]:
		l.ps.add(at, "input.bool", key, value)
	case bareText(value):
		l.ps.add(at, "input.bareText", key, value, strings.Trim(value, `"`))
	case strings.HasPrefix(message, "expected a top-level item") || strings.HasPrefix(message, "expected a comma"):
		trailing := strings.TrimSpace(stripComment(runeSuffix(line, pos.Col)))
		if trailing == "" {
			trailing = value
		}
		for rest := runeSuffix(line, pos.Col); rest != "" && (rest[0] == ' ' || rest[0] == '\t'); rest = rest[1:] {
			pos.Col++ // at the extra value, not the space before it
		}
		l.ps.add(pos, "input.trailing", key, strconv.Quote(trailing))
	default:
		l.ps.add(pos, "input.syntax", trimmed)
	}
}

// controlChar finds the first control character TOML refuses in line (any
// of U+0000–U+001F but tab, and U+007F): its column (from 1, in
// characters) and the character.
func controlChar(line string) (col int, r rune, ok bool) {
	col = 1
	for _, c := range line {
		if c < 0x20 && c != '\t' || c == 0x7F {
			return col, c, true
		}
		col++
	}
	return 0, 0, false
}

// runeSuffix returns s from column col (from 1, in characters).
func runeSuffix(s string, col int) string {
	for i := range s {
		if col <= 1 {
			return s[i:]
		}
		col--
	}
	return ""
}

// unclosed reports whether a value that opens a "string" does not close
// it on the line.
func unclosed(v string) bool {
	if strings.HasPrefix(v, `"""`) {
		return !strings.Contains(v[3:], `"""`)
	}
	for i := 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			return false
		}
	}
	return true
}

// bareText reports whether v is words typed without quotes: it does not
// start as a TOML value can.
func bareText(v string) bool {
	switch v {
	case "true", "false", "inf", "nan", "+inf", "-inf":
		return false
	}
	return !strings.ContainsRune(`"'[{+-0123456789`, rune(v[0]))
}

// valueProblem tells a value of the wrong kind: pos is where it is
// written, key its path and text what the decoder said, used only to tell
// cases apart.
func (l *loader) valueProblem(file string, src []byte, lineOffset int, pos Pos, key, text string) {
	k := lastKey(key)
	value := ""
	if wk, v, col, ok := keyValue(srcLine(src, lineOffset, pos.Line)); ok && wk == k {
		value, pos.Col = v, col
	}
	if value == "" {
		value = "…"
	}
	if strings.Contains(text, dateErrPrefix) {
		l.dateProblem(pos, k, value)
		return
	}
	m := typesRE.FindStringSubmatch(text)
	dst := ""
	if m != nil {
		dst = m[2]
	}
	switch {
	case k == "progress":
		l.ps.add(pos, "input.progress", value)
	case dst == "integer" || dst == "int" || dst == "int64":
		l.ps.add(pos, "input.integer", k, value)
	case dst == "string":
		l.ps.add(pos, "input.text", k, value, strings.Trim(value, `"'`))
	case dst == "slice" || dst == "array":
		l.ps.add(pos, "input.list", k, value)
	case dst == "boolean" || dst == "bool":
		l.ps.add(pos, "input.bool", k, value)
	case dst == "struct" || dst == "map" || dst == "table":
		l.ps.add(pos, "input.table", k, value)
	default:
		l.ps.add(pos, "input.type", k, value)
	}
}

// dateProblem tells a day not written as 2018-06-30: the form to use,
// with the day itself when it can be made out.
func (l *loader) dateProblem(pos Pos, key, value string) {
	v := strings.Trim(value, `"'`)
	if m := dateTimeRE.FindStringSubmatch(v); m != nil {
		l.ps.add(pos, "input.dateTime", key, value, m[1])
		return
	}
	var y, mo, d int
	if m := dmyRE.FindStringSubmatch(v); m != nil {
		d, mo, y = atoi(m[1]), atoi(m[2]), atoi(m[3])
	} else if m := ymdRE.FindStringSubmatch(v); m != nil {
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	} else {
		l.ps.add(pos, "input.dateForm", key, value)
		return
	}
	if mo < 1 || mo > 12 || d < 1 {
		l.ps.add(pos, "input.dateForm", key, value)
		return
	}
	if days := daysIn(y, time.Month(mo)); d > days {
		l.ps.add(pos, "input.noSuchDay", key, value, mo, y, days)
		return
	}
	l.ps.add(pos, "input.date", key, value, key, fmt.Sprintf("%04d-%02d-%02d", y, mo, d))
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
