package plan

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// keyPositions maps the path of every key and table in a TOML document to
// where it is written. A path joins keys with dots and puts an element's
// index after an array of tables: "tasks.2.milestones.0.owner". Columns
// count characters, as editors show them, not bytes.
//
// BurntSushi/toml keeps key positions private (MetaData.keyInfo), so the
// loader finds them here to point problems found after decoding (an unknown
// agency, a duplicate id) at their line. It understands the TOML a person
// writes by hand: [table] and [[array]] headers, key = value lines (bare,
// quoted or dotted keys), multi-line strings and multi-line arrays. Inline
// tables are located at their key.
type keyPositions map[string]Pos

func indexKeys(file string, src []byte, lineOffset int) keyPositions {
	kp, _ := scanKeys(file, src, lineOffset)
	indexElements(kp, src, lineOffset)
	return kp
}

// scanKeys returns the positions of every key and table, and the index
// (from 0, without lineOffset) of every line that is a table header, in
// order.
func scanKeys(file string, src []byte, lineOffset int) (keyPositions, []int) {
	kp := keyPositions{}
	var headers []int
	counts := map[string]int{} // array-of-tables path -> elements seen
	current := ""              // path of the table being filled
	lines := strings.Split(string(src), "\n")
	inString := "" // the closing delimiter of an open multi-line string
	depth := 0     // open brackets of a multi-line value
	for i, raw := range lines {
		line := strings.TrimRight(raw, "\r")
		n := i + 1 + lineOffset
		if inString != "" {
			if closesString(line, inString) {
				inString = ""
			}
			continue
		}
		if depth > 0 {
			depth += bracketDepth(line)
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		col := len(line) - len(trimmed) + 1
		switch {
		case trimmed == "" || trimmed[0] == '#':
			continue
		case strings.HasPrefix(trimmed, "[["):
			end := strings.Index(trimmed, "]]")
			if end < 0 {
				continue
			}
			headers = append(headers, i)
			arr := resolve(splitKey(trimmed[2:end]), counts)
			idx := counts[arr]
			counts[arr] = idx + 1
			current = arr + "." + strconv.Itoa(idx)
			kp[current] = Pos{file, n, col}
			if _, ok := kp[arr]; !ok {
				kp[arr] = Pos{file, n, col}
			}
		case trimmed[0] == '[':
			end := strings.Index(trimmed, "]")
			if end < 0 {
				continue
			}
			headers = append(headers, i)
			current = resolve(splitKey(trimmed[1:end]), counts)
			kp[current] = Pos{file, n, col}
		default:
			eq := equalsIndex(trimmed)
			if eq < 0 {
				continue
			}
			key := resolveUnder(current, splitKey(trimmed[:eq]))
			value := strings.TrimLeft(trimmed[eq+1:], " \t")
			vcol := col + utf8.RuneCountInString(trimmed[:len(trimmed)-len(value)])
			kp[key] = Pos{file, n, col}
			kp[key+"="] = Pos{file, n, vcol}
			for _, d := range []string{`"""`, `'''`} {
				if strings.HasPrefix(value, d) && !closesString(value[len(d):], d) {
					inString = d
				}
			}
			if inString == "" {
				depth = bracketDepth(value)
			}
		}
	}
	return kp, headers
}

// splitKey splits a dotted key, honouring quotes.
func splitKey(s string) []string {
	var parts []string
	var b strings.Builder
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				b.WriteByte(c)
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(b.String()))
}

// resolve turns a header's keys into a path, putting in the current index
// of every array of tables it passes through.
func resolve(keys []string, counts map[string]int) string {
	path := ""
	for i, k := range keys {
		if path != "" {
			path += "."
		}
		path += k
		if i < len(keys)-1 {
			if n, ok := counts[path]; ok && n > 0 {
				path += "." + strconv.Itoa(n-1)
			}
		}
	}
	return path
}

func resolveUnder(table string, keys []string) string {
	k := strings.Join(keys, ".")
	if table == "" {
		return k
	}
	return table + "." + k
}

// equalsIndex finds the '=' that ends a key, outside quotes.
func equalsIndex(s string) int {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			return i
		case c == '#':
			return -1
		}
	}
	return -1
}

// bracketDepth counts [ minus ] outside strings and comments.
func bracketDepth(s string) int {
	d := 0
	scanCode(s, func(c byte) {
		switch c {
		case '[', '{':
			d++
		case ']', '}':
			d--
		}
	})
	return d
}

// codeEnd returns where a # comment starts in the TOML line s, outside
// quotes, or len(s).
func codeEnd(s string) int { return scanCode(s, nil) }

// scanCode calls visit with each byte of the TOML line s that is outside
// quoted strings, up to a # comment, and returns where the comment starts
// (len(s) when there is none). A backslash escapes inside "…" only.
func scanCode(s string, visit func(c byte)) int {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return i
		case visit != nil:
			visit(c)
		}
	}
	return len(s)
}

// at returns the position of path, falling back to its nearest enclosing
// table, then to the top of the file.
func (kp keyPositions) at(file, path string) Pos {
	for p := path; ; {
		if pos, ok := kp[p]; ok {
			return pos
		}
		i := strings.LastIndex(p, ".")
		if i < 0 {
			return Pos{File: file, Line: 1, Col: 1}
		}
		p = p[:i]
	}
}

// value returns the position of the value of key path.
func (kp keyPositions) value(file, path string) Pos {
	if pos, ok := kp[path+"="]; ok {
		return pos
	}
	return kp.at(file, path)
}

// closesString reports whether s, a line inside a multi-line string opened
// with delim, holds its closing delimiter: in a basic string, a backslash
// escapes the character after it, so a backslash before the quotes does
// not close it.
func closesString(s, delim string) bool {
	for i := 0; i < len(s); i++ {
		if delim == `"""` && s[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], delim) {
			return true
		}
	}
	return false
}
